package dev.faceid.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.core.Identification;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.match.Decision;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo end to end once and checks what it found, drew and saved. */
class DemoTest {
    @TempDir
    static Path out;
    static Demo.Result result;
    static String printed;

    @BeforeAll
    static void runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = Demo.run(out, ps);
        }
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyFaceOfTheKnownPhotoIsIdentifiedAsThePersonItWasEnrolledAs() {
        List<Demo.Enrolled> known = result.enrolled().stream()
                .filter(e -> e.photo().equals(Demo.KNOWN_PHOTO)).toList();
        assertEquals(3, known.size(), "sample1.jpg has three clear faces: " + known);
        AffineTransform t = result.collage().knownTransform();
        for (Demo.Enrolled e : known) {
            BoundingBox expected = map(t, e.face().box());
            Identification found = result.identifications().stream()
                    .max(Comparator.comparingDouble(i -> i.face().box().iou(expected)))
                    .orElseThrow();
            assertTrue(found.face().box().iou(expected) > 0.5,
                    e.person() + " should be found near " + expected + ", nearest face is " + found.face().box());
            assertEquals(Decision.KNOWN, found.match().decision(), e.person() + ": " + found.match());
            assertEquals(e.person(), found.match().person().orElseThrow(), "face at " + found.face().box());
        }
        assertEquals(known.size(), result.recognised(), "only the faces of the known photo are recognised\n"
                + printed);
    }

    @Test
    void mirroringReversesTheLeftToRightOrder() {
        // sample1-A is the leftmost face of sample1.jpg, so the rightmost of the mirrored copy.
        List<String> leftHalf = result.identifications().stream()
                .filter(i -> inside(result.collage().knownRegion(), i.face().box()))
                .map(i -> i.match().label()).toList();
        assertEquals(List.of("sample1-C", "sample1-B", "sample1-A"), leftHalf);
    }

    @Test
    void everyStrangerIsUnknown() {
        Rectangle strangers = result.collage().strangers();
        List<Identification> faces = result.identifications().stream()
                .filter(i -> inside(strangers, i.face().box())).toList();
        assertTrue(faces.size() >= 4, "sample5.jpg shows five people, found " + faces.size());
        for (Identification i : faces) {
            assertEquals(Decision.UNKNOWN, i.match().decision(), "stranger at " + i.face().box() + ": " + i.match());
            assertTrue(i.match().distance() >= result.threshold());
        }
        for (Identification i : result.identifications()) {
            assertTrue(inside(strangers, i.face().box()) || inside(result.collage().knownRegion(), i.face().box()),
                    "face straddling the two halves: " + i.face().box());
        }
    }

    @Test
    void annotatedImageHasTheCollageSize() throws Exception {
        assertTrue(Files.isRegularFile(result.annotated()), result.annotated().toString());
        BufferedImage png = ImageIO.read(result.annotated().toFile());
        assertEquals(result.collage().image().width(), png.getWidth());
        assertEquals(result.collage().image().height(), png.getHeight());
        assertEquals(png.getWidth(), result.collage().knownRegion().width + result.collage().strangers().width);
        assertTrue(Files.isRegularFile(result.query()));
    }

    @Test
    void galleryIsSavedAndReloaded() throws Exception {
        assertTrue(Files.size(result.gallery()) > 0);
        assertEquals(Files.size(result.gallery()), result.gallerySize());
        assertEquals(result.enrolled().size(), result.reloadedPeople());
        assertTrue(result.sameAfterReload());
    }

    @Test
    void printsTheSummary() {
        assertTrue(printed.contains("found " + result.identifications().size() + " faces: " + result.recognised()
                + " recognised, " + result.unknown() + " unknown"), printed);
        assertTrue(printed.contains(result.backend()), printed);
        assertFalse(result.backend().isBlank());
    }

    private static BoundingBox map(AffineTransform t, BoundingBox b) {
        Point2D p = t.transform(new Point2D.Double(b.x1(), b.y1()), null);
        Point2D q = t.transform(new Point2D.Double(b.x2(), b.y2()), null);
        return new BoundingBox(Math.min(p.getX(), q.getX()), Math.min(p.getY(), q.getY()),
                Math.max(p.getX(), q.getX()), Math.max(p.getY(), q.getY()));
    }

    private static boolean inside(Rectangle r, BoundingBox b) {
        double cx = (b.x1() + b.x2()) / 2;
        double cy = (b.y1() + b.y2()) / 2;
        return cx >= r.x && cx < r.x + r.width && cy >= r.y && cy < r.y + r.height;
    }
}
