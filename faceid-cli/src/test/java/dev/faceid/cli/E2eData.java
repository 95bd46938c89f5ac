package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceid.core.FaceId;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.image.FaceImage;
import dev.faceid.cli.demo.Demo;
import dev.faceid.cli.text.IdentificationTable;
import dev.faceid.cli.video.VideoSink;
import dev.faceid.samples.SamplePhotos;
import dev.faceid.testkit.ImageVariants;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The test data of the command-line tests, made once per test run from the sample photos under
 * {@code target/e2e} (kept after the run, so the files can be looked at):
 * <ul>
 *   <li>{@code people/}: one photo per person named by file, the three faces of {@code sample1.jpg} cropped, named
 *       as the demo names them ({@code sample1-A.jpg} is the leftmost);</li>
 *   <li>{@code labelled/}: a folder per person for every confident face of {@link #LABELLED_PHOTOS}, each with the
 *       crop and a mirrored, rescaled, recompressed rendering of it;</li>
 *   <li>{@code video.mp4}: {@value #FRAMES} frames of {@value #WIDTH}x{@value #HEIGHT}: frames 0-9 show the three
 *       people of {@code people/}, frames 10-19 the people of {@code sample5.jpg} (nobody enrolled), frames 20-29
 *       are plain grey.</li>
 * </ul>
 */
final class E2eData {
    static final Path ROOT = Path.of("target", "e2e").toAbsolutePath();
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FRAMES = 30;
    static final int SEGMENT = 10;
    static final double FPS = 10;
    static final List<String> KNOWN = List.of("sample1-A", "sample1-B", "sample1-C");
    /**
     * The photos of the labelled set. Not sample3.jpg: its face B is at cosine distance 0.24 from sample1-C, well
     * inside the same-person range, so it may be the same woman, and the photos carry no names to settle it.
     */
    static final List<String> LABELLED_PHOTOS = List.of("sample1.jpg", "sample2.jpg");

    private static E2eData instance;

    final Path people;
    final Path labelled;
    final Path video;
    /** Faces of sample5 in frames 10-19, as the video preset finds them in the frame before encoding. */
    final int strangerFaces;

    private E2eData(Path people, Path labelled, Path video, int strangerFaces) {
        this.people = people;
        this.labelled = labelled;
        this.video = video;
        this.strangerFaces = strangerFaces;
    }

    static synchronized E2eData get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static E2eData create() {
        deleteRecursively(ROOT);
        DetectorOptions confident = DetectorOptions.builder().optMinConfidence(Demo.MIN_SCORE).build();
        try (FaceId faceId = FaceId.builder().optDetectorOptions(confident).build()) {
            Path people = ROOT.resolve("people");
            Path labelled = ROOT.resolve("labelled");
            FaceImage sample1 = faceId.read(SamplePhotos.get("sample1.jpg"));
            List<DetectedFace> known = leftToRight(faceId.detect(sample1));
            assertEquals(KNOWN.size(), known.size(), "confident faces of sample1.jpg");
            for (int i = 0; i < known.size(); i++) {
                write(crop(sample1, known.get(i).box()), people.resolve(KNOWN.get(i) + ".jpg"));
            }
            for (String photo : LABELLED_PHOTOS) {
                FaceImage image = faceId.read(SamplePhotos.get(photo));
                List<DetectedFace> faces = leftToRight(faceId.detect(image));
                for (int i = 0; i < faces.size(); i++) {
                    Path dir = labelled.resolve(Demo.personName(photo, i));
                    BufferedImage face = crop(image, faces.get(i).box());
                    write(face, dir.resolve("1.jpg"));
                    FaceImage other = ImageVariants.recompressed(
                            ImageVariants.rescaled(FaceImage.of(face).mirrored(), 0.7), 0.6f);
                    write(other.toBufferedImage(), dir.resolve("2.jpg"));
                }
            }

            FaceImage sample5 = faceId.read(SamplePhotos.get(Demo.STRANGERS_PHOTO));
            BufferedImage knownFrame = frame(sample1, known);
            BufferedImage strangerFrame = frame(sample5, faceId.detect(sample5));
            BufferedImage blank = frame(null, List.of());
            try (FaceId video = FaceId.builder().optDetectorOptions(DetectorOptions.video()).build()) {
                assertEquals(KNOWN.size(), video.detect(FaceImage.of(knownFrame)).size(), "faces in frames 0-9");
                int strangers = video.detect(FaceImage.of(strangerFrame)).size();
                Path mp4 = ROOT.resolve("video.mp4");
                try (VideoSink sink = VideoSink.create(mp4, WIDTH, HEIGHT, FPS)) {
                    for (int f = 0; f < FRAMES; f++) {
                        sink.write(f < SEGMENT ? knownFrame : f < 2 * SEGMENT ? strangerFrame : blank);
                    }
                }
                return new E2eData(people, labelled, mp4, strangers);
            }
        }
    }

    private static List<DetectedFace> leftToRight(List<DetectedFace> faces) {
        return faces.stream().sorted(Comparator.comparingDouble(f -> IdentificationTable.centreX(f.box())))
                .toList();
    }

    /** The face with half its size again on every side, so the detector sees it in context as in a portrait. */
    static BufferedImage crop(FaceImage image, BoundingBox b) {
        return region(image, expand(b, 0.5, image));
    }

    private static Rectangle expand(BoundingBox b, double margin, FaceImage image) {
        int x1 = (int) Math.max(0, b.x1() - margin * b.width());
        int y1 = (int) Math.max(0, b.y1() - margin * b.height());
        int x2 = (int) Math.min(image.width(), b.x2() + margin * b.width());
        int y2 = (int) Math.min(image.height(), b.y2() + margin * b.height());
        return new Rectangle(x1, y1, x2 - x1, y2 - y1);
    }

    private static BufferedImage region(FaceImage image, Rectangle r) {
        BufferedImage out = new BufferedImage(r.width, r.height, BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        try {
            g.drawImage(image.toBufferedImage(), -r.x, -r.y, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The region around {@code faces} scaled to fit a grey video frame, or the grey frame alone. */
    private static BufferedImage frame(FaceImage image, List<DetectedFace> faces) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        try {
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            if (image != null) {
                Rectangle r = null;
                for (DetectedFace f : faces) {
                    Rectangle e = expand(f.box(), 0.6, image);
                    r = r == null ? e : r.union(e);
                }
                double s = Math.min((double) WIDTH / r.width, (double) HEIGHT / r.height);
                int w = (int) (r.width * s);
                int h = (int) (r.height * s);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(region(image, r), (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A previous run's files would otherwise join this run's folders. */
    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
