package dev.faceid.core;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.detect.DetectorProvider;
import dev.faceid.api.embed.Embedder;
import dev.faceid.api.embed.EmbedderOptions;
import dev.faceid.api.embed.EmbedderProvider;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.error.GalleryException;
import dev.faceid.api.error.NoFaceException;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.gallery.FaceDatabaseProvider;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.match.MatchResult;
import dev.faceid.api.match.Matcher;
import dev.faceid.api.match.MatcherOptions;
import dev.faceid.api.match.MatcherProvider;
import dev.faceid.api.match.Verification;
import dev.faceid.core.gallery.InMemoryFaceDatabase;
import dev.faceid.core.image.ImageLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline in one object: detect, align, embed, match. Built from the providers on the class path (or those
 * named), it owns the inference backend and closes it.
 *
 * <pre>{@code
 * try (FaceId faceId = FaceId.builder().build()) {
 *     faceId.enroll("ada", faceId.read(Path.of("ada.jpg")));
 *     for (Identification id : faceId.identify(faceId.read(Path.of("party.jpg")))) {
 *         System.out.println(id.match().label() + " at " + id.face().box());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from many threads at once, including enrolment while others identify.
 */
public final class FaceId implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceId.class);

    private final InferenceBackend backend;
    private final Detector detector;
    private final Embedder embedder;
    private final Matcher matcher;
    private final FaceDatabase gallery;
    private final ImageLoader imageLoader;

    private FaceId(Builder b) {
        BackendProvider backendProvider = Registries.backends().choose(b.backend);
        DetectorProvider detectorProvider = Registries.detectors().choose(b.detector);
        EmbedderProvider embedderProvider = Registries.embedders().choose(b.embedder);
        MatcherProvider matcherProvider = Registries.matchers().choose(b.matcher);
        FaceDatabaseProvider databaseProvider = Registries.databases().choose(b.database);
        InferenceBackend be = backendProvider.create(b.backendOptions);
        try {
            this.detector = detectorProvider.create(b.detectorOptions, be);
            this.embedder = embedderProvider.create(b.embedderOptions, be);
            this.matcher = matcherProvider.create(b.matcherOptions, embedder.model());
            this.gallery = b.galleryLocation.map(databaseProvider::open)
                    .orElseGet(() -> databaseProvider.create(embedder.model().id(), embedder.model().dimension()));
            if (!gallery.modelId().equals(embedder.model().id()) || gallery.dimension() != embedder.model()
                    .dimension()) {
                gallery.close();
                // A gallery opened from a location, or one a database provider created for the wrong model.
                String which = b.galleryLocation.map(f -> "Gallery " + f).orElse("The gallery of database provider '"
                        + databaseProvider.name() + "'");
                throw new GalleryException(which + " holds model '" + gallery.modelId() + "' ("
                        + gallery.dimension() + "-d), but the embedder runs '" + embedder.model().id() + "' ("
                        + embedder.model().dimension() + "-d). Re-enrol it with the current model.");
            }
        } catch (RuntimeException e) {
            be.close();
            throw e;
        }
        this.backend = be;
        this.imageLoader = b.imageLoader;
        LOG.info("faceid ready: backend {} on {}, detector {}, embedder {} ({}), matcher {} (threshold {}), "
                        + "gallery {}", backendProvider.name(), be.device(), detectorProvider.name(),
                embedderProvider.name(), embedder.model().id(), matcherProvider.name(), matcher.threshold(),
                databaseProvider.name());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads an image with this instance's pixel limit and EXIF handling. */
    public FaceImage read(Path file) {
        return imageLoader.read(file);
    }

    /** All faces in the image, best first. */
    public List<DetectedFace> detect(FaceImage image) {
        return detector.detect(image);
    }

    /** Every face in the image, each with who it is or that it is unknown. */
    public List<Identification> identify(FaceImage image) {
        List<DetectedFace> faces = detector.detect(image);
        if (faces.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = embedder.embedAll(image, faces);
        List<Identification> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            MatchResult m = matcher.match(embeddings.get(i), gallery);
            out.add(new Identification(faces.get(i), m));
        }
        return List.copyOf(out);
    }

    /** The embedding of the largest face in the image. */
    public Embedding embedLargestFace(FaceImage image) {
        return embedder.embed(image, largestFace(image));
    }

    /**
     * Enrols the largest face of {@code image} as a sample of {@code person}.
     *
     * @return the new sample's id
     * @throws NoFaceException if the image has no face
     */
    public long enroll(String person, FaceImage image) {
        return gallery.enroll(person, embedLargestFace(image));
    }

    /**
     * Whether the largest faces of two images are the same person.
     *
     * @throws NoFaceException if either image has no face
     */
    public Verification verify(FaceImage a, FaceImage b) {
        return matcher.verify(embedLargestFace(a), embedLargestFace(b));
    }

    /** The largest face of the image, by box area. */
    public DetectedFace largestFace(FaceImage image) {
        return detector.detect(image).stream()
                .max(Comparator.comparingDouble(f -> f.box().area()))
                .orElseThrow(() -> new NoFaceException("No face found in " + image.name()));
    }

    public FaceDatabase gallery() {
        return gallery;
    }

    /**
     * Writes the gallery to a file, atomically. Only the built-in in-memory gallery ({@code "memory"}) is saved this
     * way; galleries of other providers keep every change in their own storage.
     *
     * @throws GalleryException if the gallery is not the in-memory one, or the file cannot be written (the old file
     *                          is then unchanged)
     */
    public void saveGallery(Path file) {
        if (!(gallery instanceof InMemoryFaceDatabase memory)) {
            throw new GalleryException("The " + gallery.getClass().getSimpleName() + " gallery keeps its changes in"
                    + " its own storage; saving to a file is for the in-memory gallery");
        }
        memory.save(file);
    }

    public Detector detector() {
        return detector;
    }

    public Embedder embedder() {
        return embedder;
    }

    public Matcher matcher() {
        return matcher;
    }

    /** The backend's provider name and device, e.g. {@code "onnx on cpu"}. */
    public String backendDescription() {
        return backend.name() + " on " + backend.device();
    }

    @Override
    public void close() {
        try {
            detector.close();
            embedder.close();
            gallery.close();
        } finally {
            backend.close();
        }
    }

    /**
     * Options of a {@link FaceId}. Not thread-safe; {@link #build()} may be called more than once. Names left empty
     * are chosen by system property {@code faceid.<kind>} or, failing that, by provider priority.
     */
    public static final class Builder {
        private Optional<String> backend = Optional.empty();
        private Optional<String> detector = Optional.empty();
        private Optional<String> embedder = Optional.empty();
        private Optional<String> matcher = Optional.empty();
        private Optional<String> database = Optional.empty();
        private BackendOptions backendOptions = BackendOptions.defaults();
        private DetectorOptions detectorOptions = DetectorOptions.defaults();
        private EmbedderOptions embedderOptions = EmbedderOptions.defaults();
        private MatcherOptions matcherOptions = MatcherOptions.defaults();
        private Optional<String> galleryLocation = Optional.empty();
        private ImageLoader imageLoader = ImageLoader.defaults();

        private Builder() {
        }

        public Builder optBackend(String name) {
            this.backend = Optional.of(name);
            return this;
        }

        public Builder optDetector(String name) {
            this.detector = Optional.of(name);
            return this;
        }

        public Builder optEmbedder(String name) {
            this.embedder = Optional.of(name);
            return this;
        }

        public Builder optMatcher(String name) {
            this.matcher = Optional.of(name);
            return this;
        }

        public Builder optDatabase(String name) {
            this.database = Optional.of(name);
            return this;
        }

        public Builder optBackendOptions(BackendOptions options) {
            this.backendOptions = options;
            return this;
        }

        public Builder optDetectorOptions(DetectorOptions options) {
            this.detectorOptions = options;
            return this;
        }

        public Builder optEmbedderOptions(EmbedderOptions options) {
            this.embedderOptions = options;
            return this;
        }

        public Builder optMatcherOptions(MatcherOptions options) {
            this.matcherOptions = options;
            return this;
        }

        /** Opens this gallery file (of the in-memory gallery) instead of starting with an empty gallery. */
        public Builder optGallery(Path file) {
            return optGallery(file.toString());
        }

        /**
         * Opens the gallery at this location, in the database provider's own form (a file path for the in-memory
         * gallery), instead of starting with an empty one.
         */
        public Builder optGallery(String location) {
            this.galleryLocation = Optional.of(location);
            return this;
        }

        public Builder optImageLoader(ImageLoader loader) {
            this.imageLoader = loader;
            return this;
        }

        /**
         * Chooses the providers and loads the models.
         *
         * @throws dev.faceid.api.error.ProviderNotFoundException    if a named provider, or any at all, is missing
         * @throws dev.faceid.api.error.ProviderUnavailableException if a provider cannot run here
         * @throws dev.faceid.api.error.ModelException               if a model cannot be loaded
         */
        public FaceId build() {
            return new FaceId(this);
        }
    }
}
