package dev.faceid.testkit;

import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Point;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detections of an independent reference MTCNN on the sample photos, at minimum face 20 and 50, bundled as
 * {@code reference/mtcnn_reference.txt}. Stateless.
 */
public final class ReferenceDetections {
    private ReferenceDetections() {
    }

    /** Faces by key {@code sampleN.jpg@minM}. */
    public static Map<String, List<DetectedFace>> load() {
        Map<String, List<DetectedFace>> out = new LinkedHashMap<>();
        try (InputStream in = ReferenceDetections.class.getResourceAsStream(
                "/dev/faceid/testkit/reference/mtcnn_reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Double.parseDouble(f[i]);
                }
                List<Point> marks = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    marks.add(new Point(v[7 + 2 * j], v[8 + 2 * j]));
                }
                out.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new DetectedFace(new BoundingBox(v[2], v[3], v[4], v[5]), v[6], marks));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
