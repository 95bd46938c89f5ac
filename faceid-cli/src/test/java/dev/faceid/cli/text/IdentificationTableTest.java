package dev.faceid.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.core.Identification;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Point;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.match.Decision;
import dev.faceid.api.match.MatchResult;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The identification table a user reads in the terminal. */
class IdentificationTableTest {

    private static Identification face(double x1, double y1, double x2, double y2, String person, double distance) {
        DetectedFace f = new DetectedFace(new BoundingBox(x1, y1, x2, y2), 0.99,
                Collections.nCopies(5, new Point(x1 + 1, y1 + 1)));
        MatchResult m = person == null
                ? new MatchResult(Decision.UNKNOWN, Optional.empty(), distance, 1 - distance, 0.4,
                        List.of(new Candidate("someone", distance)))
                : new MatchResult(Decision.KNOWN, Optional.of(person), distance, 1 - distance, 0.4,
                        List.of(new Candidate(person, distance)));
        return new Identification(f, m);
    }

    @Test
    @DisplayName("Columns stay aligned when a box or a name is longer than its header")
    void columnsAlign() {
        String table = IdentificationTable.format(List.of(
                face(1, 2, 30, 40, "ada", 0.1),
                face(1635, 1062, 1778, 1226, null, 0.823),
                face(100, 100, 200, 200, "a-person-with-a-long-name", 0.2)), 1);
        List<String> lines = table.lines().toList();
        assertEquals(5, lines.size(), table);
        int distanceColumn = lines.get(0).indexOf("distance") + "distance".length();
        for (String row : lines.subList(2, lines.size())) {
            String[] cells = row.substring(0, distanceColumn).trim().split("\\s+");
            String distance = cells[cells.length - 1];
            assertTrue(distance.matches("\\d\\.\\d{3}"), "distance column shifted in: " + row + "\n" + table);
        }
        assertEquals(lines.get(0).length(), lines.get(1).length(), "the rule spans the header");
    }
}
