package dev.faceid.cli.calibrate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws the same-person and different-person distance distributions as overlaid histograms, each normalised to its
 * own pair count so a few hundred different-person pairs do not dwarf a few dozen same-person ones, with vertical
 * lines at the marked thresholds. Stateless and thread-safe.
 */
public final class DistributionPlot {
    public static final Color GENUINE = new Color(0, 160, 0);
    public static final Color IMPOSTOR = new Color(210, 0, 0);
    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double BIN = 0.02;

    private DistributionPlot() {
    }

    /** A threshold to mark, drawn as a labelled vertical line. */
    public record Marker(String label, double threshold, Color color) {
    }

    public static BufferedImage draw(Calibration c, List<Marker> markers) {
        double[] genuine = c.genuine();
        double[] impostor = c.impostor();
        // Cosine distances of faces rarely pass 1.2; the axis grows when they do.
        double xMax = Math.ceil(Math.max(1.2, impostor[impostor.length - 1] + BIN) * 10) / 10;
        int bins = (int) Math.ceil(xMax / BIN);
        double[] g = histogram(genuine, bins);
        double[] i = histogram(impostor, bins);
        double yMax = Math.max(Arrays.stream(g).max().orElse(0), Arrays.stream(i).max().orElse(0)) * 1.1;

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = image.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            gr.setColor(Color.WHITE);
            gr.fillRect(0, 0, WIDTH, HEIGHT);
            Plot plot = new Plot(gr, xMax, yMax);
            plot.bars(g, withAlpha(GENUINE));
            plot.bars(i, withAlpha(IMPOSTOR));
            plot.axes();
            for (int m = 0; m < markers.size(); m++) {
                plot.marker(markers.get(m), m);
            }
            gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            gr.setColor(GENUINE);
            gr.drawString(String.format(Locale.ROOT, "same person (%d pairs)", genuine.length), LEFT + 130, TOP - 12);
            gr.setColor(IMPOSTOR);
            gr.drawString(String.format(Locale.ROOT, "different people (%d pairs)", impostor.length), LEFT + 380,
                    TOP - 12);
        } finally {
            gr.dispose();
        }
        return image;
    }

    private static double[] histogram(double[] values, int bins) {
        double[] h = new double[bins];
        for (double v : values) {
            h[Math.min(bins - 1, Math.max(0, (int) (v / BIN)))] += 1.0 / values.length;
        }
        return h;
    }

    private static Color withAlpha(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 140);
    }

    /** Data-to-pixel mapping and the drawing steps of one chart. */
    private record Plot(Graphics2D g, double xMax, double yMax) {
        double x(double v) {
            return LEFT + v / xMax * (WIDTH - LEFT - RIGHT);
        }

        double y(double v) {
            return HEIGHT - BOTTOM - v / yMax * (HEIGHT - TOP - BOTTOM);
        }

        void bars(double[] h, Color color) {
            g.setColor(color);
            for (int b = 0; b < h.length; b++) {
                if (h[b] > 0) {
                    g.fill(new Rectangle2D.Double(x(b * BIN), y(h[b]), x((b + 1) * BIN) - x(b * BIN),
                            y(0) - y(h[b])));
                }
            }
        }

        void axes() {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Line2D.Double(x(0), y(0), x(xMax), y(0)));
            g.draw(new Line2D.Double(x(0), y(0), x(0), y(yMax)));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int t = 0; t <= Math.round(xMax * 10); t++) {
                double v = t / 10.0;
                g.draw(new Line2D.Double(x(v), y(0), x(v), y(0) + 5));
                g.drawString(String.format(Locale.ROOT, "%.1f", v), (float) x(v) - 9, (float) y(0) + 20);
            }
            for (int t = 0; t <= 4; t++) {
                double v = yMax / 1.1 * t / 4;
                g.draw(new Line2D.Double(x(0) - 5, y(v), x(0), y(v)));
                g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * v), 20, (float) y(v) + 5);
            }
            g.drawString("cosine distance", (float) x(xMax / 2) - 45, HEIGHT - 15);
            g.drawString("share of pairs", 5, TOP - 12);
        }

        void marker(Marker m, int index) {
            g.setColor(m.color());
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{8f, 5f},
                    0f));
            g.draw(new Line2D.Double(x(m.threshold()), y(0), x(m.threshold()), y(yMax)));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            // Stacked labels, so markers at nearly the same threshold stay readable.
            g.drawString(String.format(Locale.ROOT, "%s %.3f", m.label(), m.threshold()),
                    (float) x(m.threshold()) + 4, (float) y(yMax) + 16 + 18 * index);
        }
    }
}
