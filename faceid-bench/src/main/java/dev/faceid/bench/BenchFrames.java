package dev.faceid.bench;

import dev.faceid.api.image.FaceImage;
import dev.faceid.api.image.ImageLoader;
import dev.faceid.samples.SamplePhotos;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The inputs the benchmarks share. Stateless. */
final class BenchFrames {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private BenchFrames() {
    }

    /**
     * A 640x480 video-sized frame: the centre 4:3 crop of {@code sample1.jpg} (1920x1280, three faces of about 200
     * px) scaled to 640x480, so its faces are about 75 px across.
     */
    static FaceImage vgaFrame() {
        FaceImage photo = ImageLoader.defaults().read(SamplePhotos.get("sample1.jpg"));
        BufferedImage src = photo.toBufferedImage();
        int cropW = Math.min(src.getWidth(), src.getHeight() * WIDTH / HEIGHT);
        int cropH = cropW * HEIGHT / WIDTH;
        int x = (src.getWidth() - cropW) / 2;
        int y = (src.getHeight() - cropH) / 2;
        BufferedImage crop = src.getSubimage(x, y, cropW, cropH);
        // Halve in steps, then one bicubic step: a plain one-step downscale by 2.7 would alias.
        BufferedImage cur = crop;
        while (cur.getWidth() / 2 >= WIDTH) {
            cur = resize(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return FaceImage.of(resize(cur, WIDTH, HEIGHT), "sample1.jpg 640x480");
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
