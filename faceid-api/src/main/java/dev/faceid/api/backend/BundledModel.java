package dev.faceid.api.backend;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A network shipped in a faceid model artifact (for example {@code faceid-models-mtcnn}): its name and where its
 * files lie on the class path, one per format ({@code pnet.onnx}, {@code pnet.pt}) beside its known answer
 * ({@code pnet.kat}). Any backend, a third-party one included, reads the file of its format from here, so the
 * weights ship once and apart from the engines. Model artifacts publish their networks as constants (for example
 * {@code MtcnnModels.PNET}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name     the network, e.g. {@code "pnet"}
 * @param artifact the Maven artifact that ships it, named in errors
 * @param anchor   a class of that artifact, whose class loader finds the files
 * @param folder   the class-path folder of the files, e.g. {@code "/dev/faceid/models/mtcnn"}
 */
public record BundledModel(String name, String artifact, Class<?> anchor, String folder) {

    public BundledModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(folder, "folder");
    }

    /** The file of this network with {@code extension} (with its dot, e.g. {@code ".onnx"}); empty if absent. */
    public Optional<InputStream> open(String extension) {
        return Optional.ofNullable(anchor.getResourceAsStream(folder + "/" + name + extension));
    }

    @Override
    public String toString() {
        return name + " (" + artifact + ")";
    }
}
