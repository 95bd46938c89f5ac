package dev.faceid.cli.draw;

import dev.faceid.core.Identification;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Point;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.match.MatchResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws identifications onto a copy of an image the way the FaceNet tutorial does: a box per face, the five
 * landmarks as dots, and a label above the box, {@code "name (0.87)"} in green for a known face (confidence
 * {@code 1 - distance}) and {@code "unknown (det 0.99)"} in red for an unknown one (the detector's score). Ambiguous
 * faces are orange, labelled with the nearest name and a question mark.
 *
 * <p>Line width, dot size and font size follow the image size, so labels stay legible on large photos. Stateless and
 * thread-safe.
 */
public final class Annotator {
    public static final Color KNOWN = new Color(0, 200, 0);
    public static final Color UNKNOWN = new Color(230, 0, 0);
    public static final Color AMBIGUOUS = new Color(255, 150, 0);
    private static final Color LANDMARK = new Color(0, 230, 255);

    private Annotator() {
    }

    /** A new RGB image: {@code image} with every identification drawn on it. */
    public static BufferedImage annotate(FaceImage image, List<Identification> identifications) {
        BufferedImage canvas = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(image.toBufferedImage(), 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int shortSide = Math.min(image.width(), image.height());
            float stroke = Math.max(2f, shortSide / 400f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, Math.round(shortSide / 45f))));
            for (Identification id : identifications) {
                draw(g, id, stroke, canvas.getWidth(), canvas.getHeight());
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** The label drawn for one face: {@code "ada (0.87)"}, {@code "unknown (det 0.99)"} or {@code "ada? (0.61)"}. */
    public static String label(Identification id) {
        MatchResult m = id.match();
        return switch (m.decision()) {
            case KNOWN -> String.format(Locale.ROOT, "%s (%.2f)", m.label(), m.confidence());
            case AMBIGUOUS -> String.format(Locale.ROOT, "%s? (%.2f)",
                    m.candidates().isEmpty() ? "ambiguous" : m.candidates().get(0).person(), m.confidence());
            case UNKNOWN -> String.format(Locale.ROOT, "unknown (det %.2f)", id.face().score());
        };
    }

    /** The colour of a face's box and label. */
    public static Color color(Identification id) {
        return switch (id.match().decision()) {
            case KNOWN -> KNOWN;
            case AMBIGUOUS -> AMBIGUOUS;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Writes {@code image} as PNG, creating parent folders. */
    public static void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void draw(Graphics2D g, Identification id, float stroke, int width, int height) {
        DetectedFace face = id.face();
        BoundingBox b = face.box();
        Color color = color(id);
        g.setColor(color);
        g.setStroke(new BasicStroke(stroke));
        g.draw(new Rectangle2D.Double(b.x1(), b.y1(), b.width(), b.height()));

        double r = Math.max(2.0, stroke * 1.2);
        g.setColor(LANDMARK);
        for (Point p : face.landmarks()) {
            g.fill(new Ellipse2D.Double(p.x() - r, p.y() - r, 2 * r, 2 * r));
        }

        String text = label(id);
        FontMetrics fm = g.getFontMetrics();
        int pad = Math.max(2, Math.round(stroke));
        int tw = fm.stringWidth(text) + 2 * pad;
        int th = fm.getAscent() + fm.getDescent() + 2 * pad;
        // Above the box when there is room, else just inside its top edge; never off the image.
        double x = Math.min(Math.max(0, b.x1() - stroke / 2), Math.max(0, width - tw));
        double y = b.y1() - stroke / 2 - th >= 0 ? b.y1() - stroke / 2 - th : Math.min(b.y1(), height - th);
        g.setColor(color);
        g.fill(new Rectangle2D.Double(x, y, tw, th));
        g.setColor(id.match().decision() == dev.faceid.api.match.Decision.AMBIGUOUS ? Color.BLACK : Color.WHITE);
        g.drawString(text, (float) (x + pad), (float) (y + pad + fm.getAscent()));
    }
}
