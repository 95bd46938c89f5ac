package dev.faceid.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real photos for tests and the demo, from the npm package {@code @vladmandic/face-api@1.7.15} (MIT): its
 * {@code demo/sample1.jpg} ... {@code sample6.jpg} are group photos. The package is fetched once with the ordinary
 * {@code npm pack}, checked against the pinned integrity hash, and unpacked into a cache outside the source tree
 * ({@code ~/.cache/faceid}, or {@code -Dfaceid.cache=DIR}); nothing of it is committed.
 *
 * <p>Thread-safe: concurrent first calls each unpack into their own folder and the first rename wins.
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

    /** The path of {@code demo/<name>} from the package, fetching it on first use. */
    public static Path get(String name) {
        Path file = demoDir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file demo/" + name + " in " + PACKAGE);
        }
        return file;
    }

    /** The unpacked {@code demo/} folder of the package. */
    public static synchronized Path demoDir() {
        Path root = cacheRoot().resolve("vladmandic-face-api-1.7.15");
        Path demo = root.resolve("package").resolve("demo");
        if (Files.isRegularFile(root.resolve("VERIFIED"))) {
            return demo;
        }
        try {
            Files.createDirectories(cacheRoot());
            Path work = Files.createTempDirectory(cacheRoot(), "fetch-");
            run(work, "npm", "pack", PACKAGE, "--silent");
            Path tgz;
            try (var files = Files.list(work)) {
                tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack produced no tarball in " + work));
            }
            String actual = "sha512-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(tgz)));
            if (!actual.equals(INTEGRITY)) {
                throw new IOException("Integrity mismatch for " + PACKAGE + ": expected " + INTEGRITY + ", got "
                        + actual);
            }
            run(work, "tar", "-xzf", tgz.getFileName().toString(), "package/demo");
            Files.writeString(work.resolve("VERIFIED"), INTEGRITY + "\n", StandardCharsets.UTF_8);
            Files.delete(tgz);
            try {
                Files.move(work, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isRegularFile(root.resolve("VERIFIED"))) {
                    throw e;
                }
            } catch (IOException e) {
                if (!Files.isRegularFile(root.resolve("VERIFIED"))) {
                    throw e;
                }
            }
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch the sample photos of " + PACKAGE + " with npm. npm (from "
                    + "Node.js) and access to the npm registry are needed the first time.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path cacheRoot() {
        String configured = System.getProperty("faceid.cache");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "faceid");
    }

    private static void run(Path dir, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("command.log").toFile()).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(dir.resolve("command.log")));
        }
        Files.deleteIfExists(dir.resolve("command.log"));
    }
}
