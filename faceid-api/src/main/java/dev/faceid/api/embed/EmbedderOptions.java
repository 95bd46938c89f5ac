package dev.faceid.api.embed;

import java.util.Optional;

/**
 * Settings of an embedder. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param model     the network to run; empty means the provider's built-in model
 * @param alignment how faces are cut out before embedding
 */
public record EmbedderOptions(Optional<EmbeddingModel> model, Alignment alignment) {

    public static EmbedderOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private Optional<EmbeddingModel> model = Optional.empty();
        private Alignment alignment = Alignment.LANDMARKS;

        private Builder() {
        }

        public Builder optModel(EmbeddingModel model) {
            this.model = Optional.of(model);
            return this;
        }

        public Builder optAlignment(Alignment alignment) {
            this.alignment = alignment;
            return this;
        }

        public EmbedderOptions build() {
            return new EmbedderOptions(model, alignment);
        }
    }
}
