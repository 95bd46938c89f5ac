package dev.faceid.cli.demo;

import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.search.Candidate;
import dev.faceid.core.FaceId;
import dev.faceid.core.Identification;
import dev.faceid.core.gallery.InMemoryFaceDatabase;
import dev.faceid.cli.draw.Annotator;
import dev.faceid.cli.text.IdentificationTable;
import dev.faceid.cli.text.Messages;
import dev.faceid.samples.NpmPackage;
import dev.faceid.samples.SamplePhotos;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The end-to-end demo, runnable with no arguments: enrols every confident face of three sample group photos as a
 * person, composes a query image from another rendering of one of them next to a photo of people nobody enrolled,
 * identifies every face in it, prints a table, draws the result, and saves and reloads the gallery.
 *
 * <p>Writes into {@code target/demo} under the working directory, or the folder given as the only argument. Exits 0
 * on success, and 1 with a one-line message on failure ({@code -Dfaceid.verbose=true} adds the stack trace and the
 * library's log).
 */
public final class Demo {
    /** The photos whose faces are enrolled. */
    public static final List<String> ENROL_PHOTOS = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg");
    /** The enrolled photo that reappears, re-rendered, in the query image. */
    public static final String KNOWN_PHOTO = "sample1.jpg";
    /** A photo of people nobody enrolled. */
    public static final String STRANGERS_PHOTO = "sample5.jpg";
    /** Detections scoring below this are neither enrolled nor identified. */
    public static final double MIN_SCORE = 0.95;
    /** How the known photo is re-rendered for the query: mirrored, scaled by this, then JPEG-recompressed. */
    public static final double KNOWN_SCALE = 0.6;
    public static final float KNOWN_JPEG_QUALITY = 0.75f;

    private Demo() {
    }

    /** One enrolled face: who it became and where it was. */
    public record Enrolled(String person, String photo, DetectedFace face) {
    }

    /**
     * The query image and where its two halves came from.
     *
     * @param image          the collage as written to {@code query.jpg} and read back
     * @param knownTransform maps pixel coordinates of {@link #KNOWN_PHOTO} to the collage (mirror, then scale)
     * @param knownRegion    where the re-rendered known photo sits in the collage
     * @param strangers      where {@link #STRANGERS_PHOTO} sits in the collage
     */
    public record Collage(FaceImage image, AffineTransform knownTransform, Rectangle knownRegion,
                          Rectangle strangers) {
        public Collage {
            knownTransform = new AffineTransform(knownTransform);
        }

        @Override
        public AffineTransform knownTransform() {
            return new AffineTransform(knownTransform);
        }
    }

    /**
     * Everything the demo did, for tests and callers that want more than the printout.
     *
     * @param identifications every face of the query image, left to right
     */
    public record Result(List<Enrolled> enrolled, int photos, Collage collage, Path query,
                         List<Identification> identifications, double threshold, String backend, Path annotated,
                         Path gallery, long gallerySize, int reloadedPeople, boolean sameAfterReload) {
        public Result {
            enrolled = List.copyOf(enrolled);
            identifications = List.copyOf(identifications);
        }

        public long recognised() {
            return identifications.stream().filter(i -> i.match().isKnown()).count();
        }

        public long unknown() {
            return identifications.size() - recognised();
        }
    }

    public static void main(String[] args) {
        boolean verbose = Boolean.getBoolean("faceid.verbose");
        if (!verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        try {
            if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
                throw new IllegalArgumentException("Usage: Demo [OUTPUT_FOLDER]  (default: target/demo)");
            }
            Path out = args.length == 1 ? Path.of(args[0]) : Path.of("target", "demo");
            run(out, System.out);
        } catch (Throwable e) {
            if (verbose) {
                e.printStackTrace();
            }
            System.out.flush();
            System.err.println("faceid demo failed: " + Messages.oneLine(e)
                    + (verbose ? "" : "  (run with -Dfaceid.verbose=true for details)"));
            System.err.flush();
            System.exit(1);
        }
    }

    /** Runs the whole demo, writing its files into {@code outDir} and its report to {@code out}. */
    public static Result run(Path outDir, PrintStream out) {
        Path dir = outDir.toAbsolutePath().normalize();
        createDirectories(dir);
        out.println("faceid demo: sample photos from npm package " + SamplePhotos.PACKAGE + " (fetched once into "
                + NpmPackage.cacheRoot().resolve("npm") + ")");
        List<Path> enrolPhotos = ENROL_PHOTOS.stream().map(SamplePhotos::get).toList();
        Path knownPhoto = SamplePhotos.get(KNOWN_PHOTO);
        Path strangersPhoto = SamplePhotos.get(STRANGERS_PHOTO);

        DetectorOptions detection = DetectorOptions.builder().optMinConfidence(MIN_SCORE).build();
        try (FaceId faceId = FaceId.builder().optDetectorOptions(detection).build()) {
            out.println("backend: " + faceId.backendDescription() + ", embedding model "
                    + faceId.embedder().model().id());

            // 1. Enrol: every confident face of each photo becomes a person, lettered left to right.
            List<Enrolled> enrolled = new ArrayList<>();
            for (int p = 0; p < enrolPhotos.size(); p++) {
                String photo = ENROL_PHOTOS.get(p);
                FaceImage image = faceId.read(enrolPhotos.get(p));
                List<DetectedFace> faces = faceId.detect(image).stream()
                        .filter(f -> f.score() >= MIN_SCORE)
                        .sorted(Comparator.comparingDouble(f -> IdentificationTable.centreX(f.box())))
                        .toList();
                if (faces.isEmpty()) {
                    continue;
                }
                List<Embedding> embeddings = faceId.embedder().embedAll(image, faces);
                List<String> names = new ArrayList<>();
                for (int i = 0; i < faces.size(); i++) {
                    String person = personName(photo, i);
                    faceId.gallery().enroll(person, embeddings.get(i));
                    enrolled.add(new Enrolled(person, photo, faces.get(i)));
                    names.add(person);
                }
                out.printf(Locale.ROOT, "enrolled %d from %s (%dx%d): %s%n", faces.size(), photo, image.width(),
                        image.height(), String.join(", ", names));
            }
            if (enrolled.isEmpty()) {
                throw new IllegalStateException("No face scoring " + MIN_SCORE + " or more in " + ENROL_PHOTOS);
            }

            // 2. The query: another rendering of a known photo next to strangers, saved and read back as a file.
            Collage composed = compose(faceId.read(knownPhoto), faceId.read(strangersPhoto));
            Path query = dir.resolve("query.jpg");
            writeJpeg(composed.image().toBufferedImage(), query, 0.9f);
            FaceImage queryImage = faceId.read(query);
            Collage collage = new Collage(queryImage, composed.knownTransform(), composed.knownRegion(),
                    composed.strangers());
            out.printf(Locale.ROOT, "query: %s (%dx%d): left, %s mirrored, scaled %.1f and JPEG-recompressed; "
                            + "right, %s (nobody enrolled)%n", query, queryImage.width(), queryImage.height(),
                    KNOWN_PHOTO, KNOWN_SCALE, STRANGERS_PHOTO);

            // 3. Identify every face.
            List<Identification> ids = IdentificationTable.leftToRight(faceId.identify(queryImage));
            out.println();
            out.print(IdentificationTable.format(ids, 1));
            long known = ids.stream().filter(i -> i.match().isKnown()).count();
            double threshold = faceId.matcher().threshold();
            out.println();
            out.printf(Locale.ROOT, "enrolled %d people from %d photos; found %d faces: %d recognised, %d unknown%n",
                    faceId.gallery().personCount(), ENROL_PHOTOS.size(), ids.size(), known, ids.size() - known);
            out.printf(Locale.ROOT, "threshold: cosine distance < %.2f (confidence = 1 - distance > %.2f); "
                    + "backend: %s%n", threshold, 1 - threshold, faceId.backendDescription());

            // 4. Draw.
            Path annotated = dir.resolve("annotated.png");
            Annotator.writePng(Annotator.annotate(queryImage, ids), annotated);
            out.println("annotated image: " + annotated);

            // 5. Persistence: save, empty the gallery, load, and identify again. The demo runs the built-in
            // in-memory gallery, whose persistence is a file.
            InMemoryFaceDatabase memory = (InMemoryFaceDatabase) faceId.gallery();
            Path galleryFile = dir.resolve("gallery.fid");
            faceId.saveGallery(galleryFile);
            long size = size(galleryFile);
            for (String person : faceId.gallery().persons()) {
                faceId.gallery().removePerson(person);
            }
            int emptied = faceId.gallery().personCount();
            memory.load(galleryFile);
            int reloaded = faceId.gallery().personCount();
            List<Identification> again = IdentificationTable.leftToRight(faceId.identify(queryImage));
            boolean same = labels(again).equals(labels(ids));
            out.printf(Locale.ROOT, "gallery: saved %s (%,d bytes, %d samples), emptied to %d people, reloaded %d "
                            + "people; identifications after reload %s%n", galleryFile, size,
                    faceId.gallery().sampleCount(), emptied, reloaded, same ? "identical" : "DIFFERENT");
            if (!same) {
                throw new IllegalStateException("Identifications changed after saving and reloading the gallery: "
                        + labels(ids) + " vs " + labels(again));
            }
            return new Result(enrolled, ENROL_PHOTOS.size(), collage, query, ids, threshold,
                    faceId.backendDescription(), annotated, galleryFile, size, reloaded, same);
        }
    }

    /** {@code sample1.jpg}, face 0 becomes {@code sample1-A}; past Z, {@code sample1-A1} and so on. */
    public static String personName(String photo, int index) {
        String stem = photo.replaceFirst("\\.[^.]+$", "");
        char letter = (char) ('A' + index % 26);
        return stem + "-" + letter + (index >= 26 ? Integer.toString(index / 26) : "");
    }

    /**
     * The query image: on the left {@code known} mirrored, scaled by {@link #KNOWN_SCALE} and JPEG-recompressed; on
     * the right {@code strangers} scaled to the same height.
     */
    public static Collage compose(FaceImage known, FaceImage strangers) {
        int kw = (int) Math.round(known.width() * KNOWN_SCALE);
        int kh = (int) Math.round(known.height() * KNOWN_SCALE);
        BufferedImage left = recompress(scale(known.mirrored().toBufferedImage(), kw, kh), KNOWN_JPEG_QUALITY);
        double s = (double) kh / strangers.height();
        int sw = (int) Math.round(strangers.width() * s);
        BufferedImage right = scale(strangers.toBufferedImage(), sw, kh);

        BufferedImage canvas = new BufferedImage(kw + sw, kh, BufferedImage.TYPE_3BYTE_BGR);
        var g = canvas.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, kw, 0, null);
        } finally {
            g.dispose();
        }
        // x -> (W - x) * sx, y -> y * sy: the mirror, then the scale (continuous pixel coordinates).
        double sx = (double) kw / known.width();
        double sy = (double) kh / known.height();
        AffineTransform t = new AffineTransform(-sx, 0, 0, sy, known.width() * sx, 0);
        return new Collage(FaceImage.of(canvas, "query"), t, new Rectangle(0, 0, kw, kh),
                new Rectangle(kw, 0, sw, kh));
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage recompress(BufferedImage image, float quality) {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            writeJpeg(image, bytes, quality);
            BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
            if (decoded == null) {
                throw new IOException("the JPEG just written cannot be read back");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot recompress the image: " + e.getMessage(), e);
        }
    }

    private static void writeJpeg(BufferedImage image, Path file, float quality) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJpeg(image, out, quality);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + NpmPackage.reason(e), e);
        }
    }

    private static void writeJpeg(BufferedImage image, OutputStream sink, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(sink)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
    }

    private static List<String> labels(List<Identification> ids) {
        return ids.stream().map(i -> i.match().label() + i.match().candidates().stream().findFirst()
                .map(Candidate::person).map(p -> "~" + p).orElse("")).toList();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output folder " + dir + ": " + NpmPackage.reason(e),
                    e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
