package dev.faceid.testkit;

import dev.faceid.api.image.FaceImage;
import dev.faceid.core.image.ImageLoader;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Other renderings of a photo, made by the tests themselves: mirrored, rescaled, recompressed, rotated, brightened.
 * Stateless.
 */
public final class ImageVariants {
    private ImageVariants() {
    }

    public static FaceImage rescaled(FaceImage image, double factor) {
        int w = (int) Math.round(image.width() * factor);
        int h = (int) Math.round(image.height() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image.toBufferedImage(), 0, 0, w, h, null);
        g.dispose();
        return FaceImage.of(out, image.name() + " x" + factor);
    }

    /** Encodes as JPEG at {@code quality} (0..1) and decodes again. */
    public static FaceImage recompressed(FaceImage image, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image.toBufferedImage(), null, null), p);
            } finally {
                writer.dispose();
            }
            return ImageLoader.defaults().decode(bytes.toByteArray(), image.name() + " q" + quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rotated by {@code degrees} (clockwise) about the image centre, same size, black corners. */
    public static FaceImage rotated(FaceImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image.toBufferedImage(), rotation(image, degrees), null);
        g.dispose();
        return FaceImage.of(out, image.name() + " rot" + degrees);
    }

    /** The transform {@link #rotated} applies, to map points of the original into the rotated image. */
    public static AffineTransform rotation(FaceImage image, double degrees) {
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), image.width() / 2.0,
                image.height() / 2.0);
    }

    /** Every channel scaled by {@code factor} and clipped. */
    public static FaceImage brightened(FaceImage image, double factor) {
        byte[] rgb = new byte[image.width() * image.height() * 3];
        image.rgb().get(rgb);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) Math.min(255, Math.round((rgb[i] & 0xFF) * factor));
        }
        return FaceImage.ofRgb(image.width(), image.height(), rgb, image.name() + " bright" + factor);
    }
}
