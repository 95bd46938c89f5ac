package dev.faceid.bench;

import dev.faceid.api.image.FaceImage;
import dev.faceid.core.image.ImageLoader;
import dev.faceid.samples.SamplePhotos;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The inputs the benchmarks share. Stateless. */
final class BenchFrames {

    private BenchFrames() {
    }

    /**
     * A video-sized frame: the centre crop of {@code sample1.jpg} (1920x1280, three faces of about 200 px) in the
     * frame's aspect ratio, scaled to the frame size; at 640x480 its faces are about 75 px across, at 1280x720
     * about 130 px.
     *
     * @param size {@code WIDTHxHEIGHT}, e.g. {@code "640x480"}
     */
    static FaceImage frame(String size) {
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        FaceImage photo = ImageLoader.defaults().read(SamplePhotos.get("sample1.jpg"));
        BufferedImage src = photo.toBufferedImage();
        int cropW = Math.min(src.getWidth(), src.getHeight() * width / height);
        int cropH = cropW * height / width;
        int x = (src.getWidth() - cropW) / 2;
        int y = (src.getHeight() - cropH) / 2;
        BufferedImage crop = src.getSubimage(x, y, cropW, cropH);
        // Halve in steps, then one bicubic step: a plain one-step downscale by more than 2 would alias.
        BufferedImage cur = crop;
        while (cur.getWidth() / 2 >= width) {
            cur = resize(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return FaceImage.of(resize(cur, width, height), "sample1.jpg " + size);
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
