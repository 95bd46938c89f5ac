package dev.faceid.backend.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One line naming this machine's CPU for error messages: engines pick their kernels by CPU, so a wrong answer is
 * only reproducible with the model, family and vector extensions in hand. Stateless.
 */
final class CpuDescription {
    /** The extensions that decide which kernels engines pick, in the order they are listed. */
    private static final List<String> EXTENSIONS = List.of("avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16",
            "avx_vnni", "amx_tile");

    private CpuDescription() {
    }

    static String describe() {
        String arch = System.getProperty("os.arch");
        int cores = Runtime.getRuntime().availableProcessors();
        return cpuinfo().map(lines -> fromCpuinfo(lines, arch, cores))
                .orElse(arch + ", " + cores + " cores");
    }

    static String fromCpuinfo(List<String> lines, String arch, int cores) {
        String model = field(lines, "model name").orElse(arch);
        String family = field(lines, "cpu family").map(f -> ", family " + f).orElse("");
        Set<String> flags = field(lines, "flags")
                .map(f -> new LinkedHashSet<>(Arrays.asList(f.split("\\s+"))))
                .orElseGet(LinkedHashSet::new);
        String ext = EXTENSIONS.stream().filter(flags::contains).map(e -> e.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
        return model + family + ", " + cores + " cores" + (ext.isEmpty() ? "" : ", " + ext);
    }

    private static Optional<List<String>> cpuinfo() {
        Path p = Path.of("/proc/cpuinfo");
        try (Stream<String> lines = Files.lines(p)) {
            // The first processor's block is enough: extensions are the same on every core we run on.
            return Optional.of(lines.takeWhile(l -> !l.isBlank()).toList());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> field(List<String> lines, String name) {
        return lines.stream()
                .filter(l -> l.startsWith(name) && l.indexOf(':') > 0
                        && l.substring(0, l.indexOf(':')).trim().equals(name))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst();
    }
}
