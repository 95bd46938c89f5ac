package dev.faceid.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The group photos {@code demo/sample1.jpg} ... {@code sample6.jpg} of the npm package
 * {@code @vladmandic/face-api@1.7.15} (MIT licence; the people in them are not named). Fetched on first use through
 * {@link NpmPackage}, pinned by the registry's integrity hash; nothing of it is committed. Stateless.
 */
public final class SamplePhotos {
    public static final String PACKAGE = "@vladmandic/face-api@1.7.15";
    /** The registry's {@code dist.integrity} of that version. */
    public static final String INTEGRITY =
            "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==";
    /** The six group photos. */
    public static final List<String> SAMPLES = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg",
            "sample5.jpg", "sample6.jpg");

    private SamplePhotos() {
    }

    /** The path of {@code demo/<name>} in the package, fetching the package on first use. */
    public static Path get(String name) {
        Path file = NpmPackage.fetch(PACKAGE, INTEGRITY).resolve("demo").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file demo/" + name + " in " + PACKAGE);
        }
        return file;
    }
}
