package dev.faceid.api;

import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.detect.DetectorProvider;
import dev.faceid.api.embed.EmbedderProvider;
import dev.faceid.api.gallery.FaceDatabaseProvider;
import dev.faceid.api.match.MatcherProvider;
import dev.faceid.api.spi.ProviderRegistry;

/**
 * The class-path registries of faceid's SPIs, each loaded on first use.
 *
 * <p>Each registry sits in its own holder class, so the JVM initialises it lazily and exactly once, and no
 * {@link java.util.ServiceLoader} runs inside this class's initialiser where it could deadlock with a provider that
 * touches faceid while being initialised. Thread-safe.
 */
public final class Registries {
    private Registries() {
    }

    public static ProviderRegistry<BackendProvider> backends() {
        return BackendHolder.INSTANCE;
    }

    public static ProviderRegistry<DetectorProvider> detectors() {
        return DetectorHolder.INSTANCE;
    }

    public static ProviderRegistry<EmbedderProvider> embedders() {
        return EmbedderHolder.INSTANCE;
    }

    public static ProviderRegistry<MatcherProvider> matchers() {
        return MatcherHolder.INSTANCE;
    }

    public static ProviderRegistry<FaceDatabaseProvider> databases() {
        return DatabaseHolder.INSTANCE;
    }

    private static final class BackendHolder {
        static final ProviderRegistry<BackendProvider> INSTANCE = ProviderRegistry.load(BackendProvider.class,
                "backend", "dev.faceid:faceid-backend-onnx (or faceid-backend-pytorch)");
    }

    private static final class DetectorHolder {
        static final ProviderRegistry<DetectorProvider> INSTANCE = ProviderRegistry.load(DetectorProvider.class,
                "detector", "dev.faceid:faceid-detect-mtcnn");
    }

    private static final class EmbedderHolder {
        static final ProviderRegistry<EmbedderProvider> INSTANCE = ProviderRegistry.load(EmbedderProvider.class,
                "embedder", "dev.faceid:faceid-embed-facenet");
    }

    private static final class MatcherHolder {
        static final ProviderRegistry<MatcherProvider> INSTANCE = ProviderRegistry.load(MatcherProvider.class,
                "matcher", "dev.faceid:faceid-core");
    }

    private static final class DatabaseHolder {
        static final ProviderRegistry<FaceDatabaseProvider> INSTANCE = ProviderRegistry.load(
                FaceDatabaseProvider.class, "database", "dev.faceid:faceid-core");
    }
}
