package dev.faceid.core.image;

import dev.faceid.api.error.ImageException;
import dev.faceid.api.error.ImageTooLargeException;
import dev.faceid.api.image.FaceImage;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files and bytes into {@link FaceImage}s: JPEG, PNG, BMP, GIF (first frame), with the JPEG EXIF
 * orientation applied, grayscale, alpha, 16-bit and CMYK/YCCK JPEG converted to 8-bit RGB.
 *
 * <p>The size is read from the header and checked against the pixel limit before any pixel is decoded, so a
 * decompression bomb costs nothing. Every failure is an {@link ImageException} naming the source.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImageLoader {

    /** 100 megapixels: larger than any camera photo, small enough that decoding cannot exhaust a default heap. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private static final ImageLoader DEFAULT = new ImageLoader(DEFAULT_MAX_PIXELS);

    private final long maxPixels;

    private ImageLoader(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** A loader with the {@linkplain #DEFAULT_MAX_PIXELS default pixel limit}. */
    public static ImageLoader defaults() {
        return DEFAULT;
    }

    public static ImageLoader withMaxPixels(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return new ImageLoader(maxPixels);
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Reads an image file. */
    public FaceImage read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageException("Image file not found: " + file, e);
        } catch (IOException e) {
            throw new ImageException("Cannot read image file " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes an encoded image held in memory; {@code name} labels it in messages. */
    public FaceImage decode(byte[] encoded, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageException("Not an image in a supported format (JPEG, PNG, BMP, GIF): " + name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > maxPixels) {
                    throw new ImageTooLargeException("Image " + name + " is " + w + "x" + h + " = " + (w * h)
                            + " pixels, over the limit of " + maxPixels + ". Downscale it or raise the limit with "
                            + "ImageLoader.withMaxPixels().");
                }
                boolean jpeg = reader.getFormatName().equalsIgnoreCase("jpeg");
                boolean[] truncated = {false};
                if (jpeg) {
                    // The JDK's JPEG reader does not fail on a file cut short: it warns, pads the missing scan data
                    // with gray and returns normally. A half-gray face must not reach the detector.
                    reader.addIIOReadWarningListener((source, warning) -> truncated[0] |= isTruncation(warning));
                }
                BufferedImage image = readPixels(reader, encoded, name);
                if (truncated[0]) {
                    throw new ImageException("Corrupt or truncated image " + name
                            + ": the JPEG data ends before the image does.");
                }
                int orientation = jpeg ? Exif.orientation(encoded) : 1;
                return FaceImage.of(Exif.applyOrientation(image, orientation), name);
            } finally {
                reader.dispose();
            }
        } catch (ImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageException("Corrupt or truncated image " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads all bytes of {@code in} and decodes them. */
    public FaceImage decode(InputStream in, String name) {
        try {
            return decode(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new ImageException("Cannot read image " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a JPEG reader warning means the data ran out: the JDK's own "Truncated File - Missing EOI marker", or
     * libjpeg's "Premature end of JPEG file" / "premature end of data segment".
     */
    private static boolean isTruncation(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return w.contains("missing eoi") || w.contains("premature end");
    }

    private static BufferedImage readPixels(ImageReader reader, byte[] encoded, String name) throws IOException {
        boolean jpeg = reader.getFormatName().equalsIgnoreCase("jpeg");
        if (jpeg && Exif.adobeYcck(encoded)) {
            // The JDK's reader accepts Adobe YCCK files but gets their colours wrong; its raw raster is right.
            Raster raster = reader.readRaster(0, null);
            if (raster.getNumBands() != 4) {
                throw new ImageException("Unsupported JPEG colour layout in " + name + ": Adobe YCCK with "
                        + raster.getNumBands() + " channels");
            }
            return CmykConverter.toRgb(raster, true);
        }
        try {
            BufferedImage img = reader.read(0);
            if (img == null) {
                throw new ImageException("No image data in " + name);
            }
            return img;
        } catch (IIOException e) {
            // The JDK's JPEG reader cannot colour-convert some 4-channel (CMYK) JPEGs but can hand out the raster.
            if (!jpeg) {
                throw e;
            }
            Raster raster = reader.readRaster(0, null);
            if (raster.getNumBands() != 4) {
                throw e;
            }
            return CmykConverter.toRgb(raster, false);
        }
    }
}
