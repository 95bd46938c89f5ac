package dev.faceid.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo, packaged as shaded jars, run as a user runs it: the backend is whichever jar is on the class path, an
 * explicit choice wins when both are, the priority decides (and says so) otherwise, and with none the error names
 * what to add.
 */
class SwapByJarIT {
    private static final String RESULT = "found 8 faces: 3 recognised, 5 unknown";

    private static Path jar(String backend) {
        return Path.of(System.getProperty("smoke.jars"), System.getProperty("smoke.prefix") + "-" + backend + ".jar");
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run demo(Path out, List<Path> classPath, String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        cmd.add("dev.faceid.cli.demo.Demo");
        cmd.add(out.toString());
        Path stdout = Files.createTempFile(out.getParent(), "stdout", ".txt");
        Path stderr = Files.createTempFile(out.getParent(), "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("demo did not finish in 5 minutes: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @Test
    @DisplayName("With only the ONNX jar, the demo runs on ONNX Runtime, gets the expected answers, and the CPU "
            + "artifact probes for no GPU (no CUDA warning)")
    void onnxJarAlone(@TempDir Path dir) throws Exception {
        Run r = demo(dir.resolve("out"), List.of(jar("onnx")));
        assertEquals(0, r.exit(), r.stderr());
        assertFalse(r.stderr().contains("CUDA"), r.stderr());
        assertTrue(r.stdout().contains("backend: onnx on cpu"), r.stdout());
        assertTrue(r.stdout().contains(RESULT), r.stdout());
        assertTrue(Files.size(dir.resolve("out").resolve("annotated.png")) > 0);
    }

    @Test
    @DisplayName("With only the PyTorch jar, the same program runs on PyTorch with the same answers")
    void pytorchJarAlone(@TempDir Path dir) throws Exception {
        Run r = demo(dir.resolve("out"), List.of(jar("pytorch")));
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("backend: pytorch on cpu"), r.stdout());
        assertTrue(r.stdout().contains(RESULT), r.stdout());
    }

    @Test
    @DisplayName("With both jars, the documented priority picks ONNX and logs the choice; -Dfaceid.backend wins")
    void bothJars(@TempDir Path dir) throws Exception {
        Run byPriority = demo(dir.resolve("a"), List.of(jar("pytorch"), jar("onnx")));
        assertEquals(0, byPriority.exit(), byPriority.stderr());
        assertTrue(byPriority.stdout().contains("backend: onnx on cpu"), byPriority.stdout());
        assertTrue(byPriority.stderr().contains("Using faceid backend provider 'onnx' (priority 100) over "
                + "['pytorch' (50)]"), byPriority.stderr());
        Run chosen = demo(dir.resolve("b"), List.of(jar("onnx"), jar("pytorch")), "-Dfaceid.backend=pytorch");
        assertEquals(0, chosen.exit(), chosen.stderr());
        assertTrue(chosen.stdout().contains("backend: pytorch on cpu"), chosen.stdout());
        assertTrue(chosen.stdout().contains(RESULT), chosen.stdout());
    }

    @Test
    @DisplayName("With no backend jar, the demo fails with one line that says which artifact to add")
    void noBackend(@TempDir Path dir) throws Exception {
        Run r = demo(dir.resolve("out"), List.of(jar("nobackend")));
        assertEquals(1, r.exit(), r.stdout());
        assertTrue(r.stderr().contains("No backend provider is on the class path")
                && r.stderr().contains("dev.faceid:faceid-backend-onnx"), r.stderr());
    }

    @Test
    @DisplayName("Shading merged every service file: all faceid providers and the DJL engine are registered")
    void serviceFilesMerged() throws IOException {
        try (JarFile onnx = new JarFile(jar("onnx").toFile()); JarFile torch = new JarFile(jar("pytorch").toFile())) {
            assertEquals("dev.faceid.backend.onnx.OnnxBackendProvider",
                    service(onnx, "dev.faceid.api.backend.BackendProvider"));
            assertEquals("dev.faceid.backend.pytorch.PyTorchBackendProvider",
                    service(torch, "dev.faceid.api.backend.BackendProvider"));
            for (JarFile j : List.of(onnx, torch)) {
                assertEquals("dev.faceid.detect.mtcnn.MtcnnDetectorProvider",
                        service(j, "dev.faceid.api.detect.DetectorProvider"));
                assertEquals("dev.faceid.embed.facenet.FacenetEmbedderProvider",
                        service(j, "dev.faceid.api.embed.EmbedderProvider"));
                assertEquals("dev.faceid.core.match.DefaultMatcherProvider",
                        service(j, "dev.faceid.api.match.MatcherProvider"));
                assertEquals("dev.faceid.core.gallery.InMemoryFaceDatabaseProvider",
                        service(j, "dev.faceid.api.gallery.FaceDatabaseProvider"));
            }
            assertTrue(service(onnx, "ai.djl.engine.EngineProvider").contains("OrtEngineProvider"));
            assertTrue(service(torch, "ai.djl.engine.EngineProvider").contains("PtEngineProvider"));
        }
    }

    private static String service(JarFile jar, String name) throws IOException {
        var entry = jar.getEntry("META-INF/services/" + name);
        if (entry == null) {
            throw new AssertionError("No service file " + name + " in " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim)
                    .reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }
}
