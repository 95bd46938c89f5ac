package dev.faceid.core.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two kernels compute dot products correctly, and the kernel is chosen at run time as documented. */
class ScanKernelTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(ScanKernels.PROPERTY);
    }

    private static List<ScanKernel> kernels() {
        ScanKernel vector = ScanKernels.vectorOrNull();
        assertNotNull(vector, "the tests run with --add-modules jdk.incubator.vector (surefire argLine)");
        return List.of(new ScalarKernel(), vector);
    }

    @Test
    @DisplayName("Both kernels match a double-precision dot product on floats and int8 codes, for every d and range")
    void dotProducts() {
        Random rnd = new Random(1);
        for (ScanKernel kernel : kernels()) {
            for (int d = 1; d <= 70; d++) {
                int rows = 11; // two groups of four and a remainder of three
                float[] q = new float[d];
                float[] v = new float[rows * d];
                byte[] codes = new byte[rows * d];
                for (int j = 0; j < d; j++) {
                    q[j] = (float) rnd.nextGaussian();
                }
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) rnd.nextGaussian();
                    codes[j] = (byte) (rnd.nextInt(255) - 127);
                }
                for (int from : new int[] {0, 1, 5}) {
                    for (int to = from; to <= rows; to++) {
                        float[] out = new float[rows];
                        float[] outCodes = new float[rows];
                        kernel.dots(q, v, from, to, out);
                        kernel.dots(q, codes, from, to, outCodes);
                        for (int i = from; i < to; i++) {
                            double exact = 0;
                            double exactCodes = 0;
                            double magnitude = 0;
                            for (int j = 0; j < d; j++) {
                                exact += (double) q[j] * v[i * d + j];
                                exactCodes += (double) q[j] * codes[i * d + j];
                                magnitude += Math.abs((double) q[j] * v[i * d + j]);
                            }
                            String what = kernel + " d=" + d + " rows " + from + ".." + to + " row " + i;
                            assertEquals(exact, out[i - from], 1e-6 * (1 + magnitude), what);
                            assertEquals(exactCodes, outCodes[i - from], 1e-6 * 127 * (1 + magnitude), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("Equal rows give bit-identical dot products wherever they sit and however rows are grouped")
    void equalRowsEqualResults() {
        Random rnd = new Random(2);
        for (ScanKernel kernel : kernels()) {
            for (int d : new int[] {3, 29, 64}) {
                float[] q = new float[d];
                float[] row = new float[d];
                byte[] code = new byte[d];
                for (int j = 0; j < d; j++) {
                    q[j] = (float) rnd.nextGaussian();
                    row[j] = (float) rnd.nextGaussian();
                    code[j] = (byte) (rnd.nextInt(255) - 127);
                }
                int rows = 10;
                float[] block = new float[rows * d];
                byte[] codes = new byte[rows * d];
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(row, 0, block, i * d, d);
                    System.arraycopy(code, 0, codes, i * d, d);
                }
                float[] alone = new float[1];
                float[] aloneCode = new float[1];
                kernel.dots(q, row, 0, 1, alone);
                kernel.dots(q, code, 0, 1, aloneCode);
                for (int from = 0; from < rows; from++) {
                    float[] out = new float[rows];
                    float[] outCodes = new float[rows];
                    kernel.dots(q, block, from, rows, out);
                    kernel.dots(q, codes, from, rows, outCodes);
                    for (int i = 0; i < rows - from; i++) {
                        assertEquals(alone[0], out[i], 0f, kernel + " d=" + d + " from " + from + " row " + i);
                        assertEquals(aloneCode[0], outCodes[i], 0f, kernel + " codes d=" + d + " from " + from);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("-Dfaceid.search.kernel=scalar|vector forces a kernel; any other value is a configuration error")
    void forcedByProperty() {
        System.setProperty(ScanKernels.PROPERTY, "scalar");
        assertInstanceOf(ScalarKernel.class, ScanKernels.fromSystemProperty());
        System.setProperty(ScanKernels.PROPERTY, "Vector");
        assertEquals("vector", ScanKernels.fromSystemProperty().name());
        System.setProperty(ScanKernels.PROPERTY, "gpu");
        ConfigurationException e = assertThrows(ConfigurationException.class, ScanKernels::fromSystemProperty);
        assertTrue(e.getMessage().contains("scalar or vector"), e.getMessage());
        System.clearProperty(ScanKernels.PROPERTY);
        assertEquals("vector", ScanKernels.fromSystemProperty().name(), "the default where the module is present");
    }

    @Test
    @DisplayName("A JVM without --add-modules jdk.incubator.vector falls back to scalar and refuses a forced vector")
    void withoutTheModule() throws Exception {
        assertEquals("scalar", runWithoutModule(""), "the default falls back to scalar, no crash");
        String forced = runWithoutModule("vector");
        assertTrue(forced.contains("ConfigurationException") && forced.contains("--add-modules jdk.incubator.vector"),
                forced);
    }

    /** Runs {@link KernelProbe} in a fresh JVM with this test's class path and no extra module. */
    private static String runWithoutModule(String kernel) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + ScanKernels.PROPERTY + "=" + kernel, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                KernelProbe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    /** Prints the kernel a new gallery gets, or the exception choosing it threw. */
    static final class KernelProbe {
        public static void main(String[] args) {
            try {
                System.out.print(ScanKernels.fromSystemProperty().name());
            } catch (RuntimeException e) {
                System.out.print(e);
            }
        }
    }
}
