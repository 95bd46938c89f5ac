package dev.faceid.api.embed;

import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.detect.Point;
import dev.faceid.api.error.ConfigurationException;
import dev.faceid.api.search.Metric;
import java.util.List;
import java.util.Objects;

/**
 * Everything an embedder needs to know about a FaceNet-style network, so that a new network is configuration, not
 * code. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param id               stable identifier stored with every embedding and gallery; change it when weights change
 * @param source           where the weights are
 * @param dimension        length of the output vector
 * @param inputWidth       network input width in pixels
 * @param inputHeight      network input height in pixels
 * @param bgr              true if the network expects BGR channel order instead of RGB
 * @param normalization    how pixels become inputs
 * @param metric           the distance the threshold is expressed in
 * @param threshold        default decision threshold: distances below it are the same person
 * @param alignmentTemplate where the five landmarks land in the network input, in {@code Landmark} order
 */
public record EmbeddingModel(String id, ModelSource source, int dimension, int inputWidth, int inputHeight,
                             boolean bgr, PixelNormalization normalization, Metric metric, double threshold,
                             List<Point> alignmentTemplate) {

    /**
     * The standard five-point template for 112x112 inputs (ArcFace/InsightFace), in pixel coordinates.
     */
    public static final List<Point> TEMPLATE_112 = List.of(
            new Point(38.2946, 51.6963), new Point(73.5318, 51.5014), new Point(56.0252, 71.7366),
            new Point(41.5493, 92.3655), new Point(70.7299, 92.2041));

    public EmbeddingModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(metric, "metric");
        alignmentTemplate = List.copyOf(alignmentTemplate);
        if (id.isBlank()) {
            throw new ConfigurationException("An embedding model needs a non-blank id");
        }
        if (dimension < 1 || inputWidth < 16 || inputHeight < 16) {
            throw new ConfigurationException("Embedding model " + id + ": dimension " + dimension + " and input "
                    + inputWidth + "x" + inputHeight + " are not plausible");
        }
        if (!(threshold > 0 && threshold < 2)) {
            throw new ConfigurationException("Embedding model " + id + ": threshold must be in (0, 2), got "
                    + threshold);
        }
        if (alignmentTemplate.size() != 5) {
            throw new ConfigurationException("Embedding model " + id + ": the alignment template needs 5 points");
        }
    }

    /** {@link #TEMPLATE_112} scaled to a {@code width x height} input, as FaceNet exports at 160x160 expect. */
    public static List<Point> scaledTemplate(int width, int height) {
        return TEMPLATE_112.stream().map(p -> new Point(p.x() * width / 112.0, p.y() * height / 112.0)).toList();
    }

    /** This model with another default threshold. */
    public EmbeddingModel withThreshold(double newThreshold) {
        return new EmbeddingModel(id, source, dimension, inputWidth, inputHeight, bgr, normalization, metric,
                newThreshold, alignmentTemplate);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Not thread-safe. {@code set*} are required, {@code opt*} have defaults (RGB, (p-127.5)/128, cosine, the
     * standard template scaled to the input size).
     */
    public static final class Builder {
        private String id;
        private ModelSource source;
        private int dimension;
        private int inputWidth;
        private int inputHeight;
        private boolean bgr;
        private PixelNormalization normalization = PixelNormalization.facenet();
        private Metric metric = Metric.COSINE;
        private double threshold = Double.NaN;
        private List<Point> template;

        private Builder() {
        }

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setSource(ModelSource source) {
            this.source = source;
            return this;
        }

        public Builder setDimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        public Builder setInputSize(int width, int height) {
            this.inputWidth = width;
            this.inputHeight = height;
            return this;
        }

        public Builder setThreshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        public Builder optBgr(boolean bgr) {
            this.bgr = bgr;
            return this;
        }

        public Builder optNormalization(PixelNormalization normalization) {
            this.normalization = normalization;
            return this;
        }

        public Builder optMetric(Metric metric) {
            this.metric = metric;
            return this;
        }

        public Builder optAlignmentTemplate(List<Point> template) {
            this.template = template;
            return this;
        }

        public EmbeddingModel build() {
            if (id == null || source == null || dimension == 0 || inputWidth == 0 || Double.isNaN(threshold)) {
                throw new ConfigurationException("An embedding model needs setId, setSource, setDimension, "
                        + "setInputSize and setThreshold");
            }
            List<Point> t = template != null ? template : scaledTemplate(inputWidth, inputHeight);
            return new EmbeddingModel(id, source, dimension, inputWidth, inputHeight, bgr, normalization, metric,
                    threshold, t);
        }
    }
}
