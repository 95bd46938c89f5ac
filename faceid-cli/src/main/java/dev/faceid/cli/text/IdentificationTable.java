package dev.faceid.cli.text;

import dev.faceid.core.Identification;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.match.MatchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints identifications as a table, the way the demo and {@code faceid identify} show them. The box and identity
 * columns grow to their longest entry, so a large photo's coordinates or a long name never shift the columns.
 */
public final class IdentificationTable {

    private IdentificationTable() {
    }

    /** One row per face, numbered from 1, with up to {@code topK} nearest candidates in the last column. */
    public static String format(List<Identification> ids, int topK) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "box (x1,y1)-(x2,y2)", "det", "identity", "distance", "confidence",
            topK == 1 ? "nearest candidate" : "nearest candidates"});
        for (int i = 0; i < ids.size(); i++) {
            Identification id = ids.get(i);
            BoundingBox b = id.face().box();
            MatchResult m = id.match();
            String box = String.format(Locale.ROOT, "(%d,%d)-(%d,%d)", Math.round(b.x1()), Math.round(b.y1()),
                    Math.round(b.x2()), Math.round(b.y2()));
            String nearest = m.candidates().isEmpty() ? "-" : m.candidates().stream().limit(topK)
                    .map(IdentificationTable::candidate).collect(Collectors.joining(", "));
            rows.add(new String[] {String.valueOf(i + 1), box,
                String.format(Locale.ROOT, "%.3f", id.face().score()), m.label(),
                Double.isFinite(m.distance()) ? String.format(Locale.ROOT, "%.3f", m.distance()) : "-",
                String.format(Locale.ROOT, "%.3f", m.confidence()), nearest});
        }
        int boxWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        int nameWidth = rows.stream().mapToInt(r -> r[3].length()).max().orElse(0);
        String format = "%3s  %-" + boxWidth + "s  %5s  %-" + nameWidth + "s  %8s  %10s  %s%n";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            out.append(String.format(Locale.ROOT, format, (Object[]) rows.get(i)));
            if (i == 0) {
                int rule = 3 + 2 + boxWidth + 2 + 5 + 2 + nameWidth + 2 + 8 + 2 + 10 + 2 + rows.get(0)[6].length();
                out.append("-".repeat(rule)).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** The faces ordered by the horizontal centre of their boxes, so tables read like the picture. */
    public static List<Identification> leftToRight(List<Identification> ids) {
        return ids.stream().sorted(Comparator.comparingDouble(i -> centreX(i.face().box()))).toList();
    }

    public static double centreX(BoundingBox b) {
        return (b.x1() + b.x2()) / 2;
    }

    private static String candidate(Candidate c) {
        return String.format(Locale.ROOT, "%s (%.3f)", c.person(), c.distance());
    }
}
