package dev.faceid.api.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An 8-bit RGB image in normal orientation, the input of every faceid operation.
 *
 * <p>Immutable and thread-safe: pixels are copied in and only read-only views leave. Create one with
 * {@link ImageLoader} (files, bytes, with EXIF orientation and a pixel limit), {@link #of(BufferedImage)} or
 * {@link #ofRgb(int, int, byte[])}.
 */
public final class FaceImage {
    private final int width;
    private final int height;
    private final byte[] rgb;
    private final String name;

    private FaceImage(int width, int height, byte[] rgb, String name) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.name = name;
    }

    /**
     * An image from interleaved RGB bytes, row by row.
     *
     * @param name a label for messages, e.g. the file name
     */
    public static FaceImage ofRgb(int width, int height, byte[] rgb, String name) {
        Objects.requireNonNull(rgb, "rgb");
        Objects.requireNonNull(name, "name");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException("Expected " + (long) width * height * 3 + " RGB bytes for " + width
                    + "x" + height + ", got " + rgb.length);
        }
        return new FaceImage(width, height, rgb.clone(), name);
    }

    public static FaceImage ofRgb(int width, int height, byte[] rgb) {
        return ofRgb(width, height, rgb, "image");
    }

    /** Converts any {@link BufferedImage} (gray, indexed, alpha, 16-bit) to 8-bit RGB; alpha is dropped. */
    public static FaceImage of(BufferedImage image) {
        return of(image, "image");
    }

    public static FaceImage of(BufferedImage image, String name) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            var g = bgr.createGraphics();
            try {
                // Alpha is composited over black, the neutral choice for a detector trained on opaque photos.
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] src = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = src[i + 2];
            rgb[i + 1] = src[i + 1];
            rgb[i + 2] = src[i];
        }
        return new FaceImage(w, h, rgb, name);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The label given at creation: a file name, or {@code "image"}. */
    public String name() {
        return name;
    }

    /** A read-only view of the interleaved RGB bytes, row by row; no copy is made. */
    public ByteBuffer rgb() {
        return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
    }

    /** A new {@link BufferedImage} of type {@code TYPE_3BYTE_BGR}, for drawing on. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            dst[i] = rgb[i + 2];
            dst[i + 1] = rgb[i + 1];
            dst[i + 2] = rgb[i];
        }
        return out;
    }

    /** The same image mirrored left to right. */
    public FaceImage mirrored() {
        byte[] out = new byte[rgb.length];
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(rgb, y * row + x * 3, out, y * row + (width - 1 - x) * 3, 3);
            }
        }
        return new FaceImage(width, height, out, name + " (mirrored)");
    }

    @Override
    public String toString() {
        return "FaceImage[" + name + ", " + width + "x" + height + "]";
    }
}
