package dev.faceid.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns JMH JSON result files into a markdown report: every result's median (the {@code "50.0"} percentile of the
 * measured iterations), then the derived numbers the benchmarks exist for: the gallery scan's GB/s as a fraction of
 * the memory bandwidth measured in the same run, int8 vs float speed-up, and faceid's inference call vs the raw DJL
 * call. {@code java -cp benchmarks.jar dev.faceid.bench.BenchReport results.json...}. A command-line tool: an
 * instance prints one report from one thread and is not thread-safe.
 */
public final class BenchReport {

    /** One JMH result: the benchmark's simple name ({@code Class.method}), its parameters and the median. Immutable. */
    record Result(String name, Map<String, String> params, double median, String unit) {
        /** The median in seconds per operation; NaN for a throughput score. */
        double seconds() {
            return switch (unit) {
                case "s/op" -> median;
                case "ms/op" -> median / 1e3;
                case "us/op" -> median / 1e6;
                case "ns/op" -> median / 1e9;
                default -> Double.NaN;
            };
        }

        String param(String key) {
            return params.get(key);
        }
    }

    private final List<Result> results;
    private final PrintStream out;

    private BenchReport(List<Result> results, PrintStream out) {
        this.results = results;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: BenchReport jmh-result.json...");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        for (String a : args) {
            results.addAll(parse(Files.readString(Path.of(a), StandardCharsets.UTF_8)));
        }
        new BenchReport(results, System.out).print();
    }

    @SuppressWarnings("unchecked")
    static List<Result> parse(String json) {
        List<Result> out = new ArrayList<>();
        for (Object o : (List<Object>) new Json(json).value()) {
            Map<String, Object> r = (Map<String, Object>) o;
            String[] fq = ((String) r.get("benchmark")).split("\\.");
            String name = fq[fq.length - 2] + "." + fq[fq.length - 1];
            Map<String, String> params = new TreeMap<>();
            Map<String, Object> p = (Map<String, Object>) r.getOrDefault("params", Map.of());
            p.forEach((k, v) -> params.put(k, String.valueOf(v)));
            Map<String, Object> metric = (Map<String, Object>) r.get("primaryMetric");
            Map<String, Object> percentiles = (Map<String, Object>) metric.get("scorePercentiles");
            out.add(new Result(name, params, ((Number) percentiles.get("50.0")).doubleValue(),
                    (String) metric.get("scoreUnit")));
        }
        return out;
    }

    void print() {
        out.println("| benchmark | parameters | median | unit |");
        out.println("|---|---|---:|---|");
        for (Result r : results) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", r.name(), describe(r.params()), number(r.median()),
                    r.unit());
        }
        printScanSpeed();
        printInt8SpeedUp();
        printOverhead();
        printDetectionShare();
    }

    private static String describe(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String number(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.3g", x);
    }

    private List<Result> named(String name) {
        return results.stream().filter(r -> r.name().equals(name)).toList();
    }

    /** GB/s of each scan, against the memory read benchmark with the same thread count. */
    private void printScanSpeed() {
        Map<String, Double> bandwidth = new LinkedHashMap<>();
        for (Result r : named("MemoryBandwidthBenchmark.readAll")) {
            bandwidth.put(r.param("threads"), MemoryBandwidthBenchmark.VALUES * 4.0 / r.seconds() / 1e9);
        }
        List<Result> scans = named("MatchingBenchmark.search");
        if (scans.isEmpty()) {
            return;
        }
        out.println();
        out.println("Gallery scan speed (bytes of the block read per second) vs memory bandwidth, same threads:");
        out.println();
        out.println("| N | d | kernel | threads | storage | scan GB/s | memory GB/s | fraction |");
        out.println("|---:|---:|---|---|---|---:|---:|---:|");
        for (Result r : scans) {
            double bytesPerValue = r.param("storage").equals("int8") ? 1 : 4;
            double gbs = Long.parseLong(r.param("n")) * Long.parseLong(r.param("d")) * bytesPerValue / r.seconds()
                    / 1e9;
            Double mem = bandwidth.get(r.param("threads"));
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %s | %s |%n", r.param("n"), r.param("d"),
                    r.param("kernel"), r.param("threads"), r.param("storage"), gbs,
                    mem == null ? "-" : String.format(Locale.ROOT, "%.2f", mem),
                    mem == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * gbs / mem));
        }
    }

    private void printInt8SpeedUp() {
        List<Result> scans = named("MatchingBenchmark.search");
        List<String> lines = new ArrayList<>();
        for (Result f : scans) {
            if (!f.param("storage").equals("float32")) {
                continue;
            }
            Map<String, String> key = new TreeMap<>(f.params());
            key.put("storage", "int8");
            scans.stream().filter(r -> r.params().equals(key)).findFirst().ifPresent(q -> lines.add(String.format(
                    Locale.ROOT, "| %s | %s | %s | %s | %.2fx |", f.param("n"), f.param("d"), f.param("kernel"),
                    f.param("threads"), f.seconds() / q.seconds())));
        }
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println("int8 vs float32 search, same everything else (float time / int8 time):");
        out.println();
        out.println("| N | d | kernel | threads | speed-up |");
        out.println("|---:|---:|---|---|---:|");
        lines.forEach(out::println);
    }

    /** faceid's network call and whole embedding call vs the raw DJL call, per backend and batch. */
    private void printOverhead() {
        Map<String, Map<String, Result>> byCase = byCase("EmbeddingOverheadBenchmark");
        if (byCase.isEmpty()) {
            return;
        }
        out.println();
        out.println("Embedding: faceid vs the raw DJL call on the same model and input (ms per call):");
        out.println();
        out.println("| parameters | preprocess | infer | embed | raw | infer / raw - 1 (overhead) | embed / raw |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        byCase.forEach((params, m) -> {
            Result raw = m.get("raw");
            Result infer = m.get("infer");
            Result embed = m.get("embed");
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", params, ms(m.get("preprocess")),
                    ms(infer), ms(embed), ms(raw),
                    raw == null || infer == null ? "-"
                            : String.format(Locale.ROOT, "%+.1f%%", 100 * (infer.seconds() / raw.seconds() - 1)),
                    raw == null || embed == null ? "-"
                            : String.format(Locale.ROOT, "%.2f", embed.seconds() / raw.seconds()));
        });
    }

    /** The share of one detection that the replayed network calls take, per backend and minimum face. */
    private void printDetectionShare() {
        Map<String, Map<String, Result>> byCase = byCase("DetectionOverheadBenchmark");
        if (byCase.isEmpty()) {
            return;
        }
        out.println();
        out.println("MTCNN on the 640x480 frame: the whole detector vs its network calls replayed alone (ms per frame):");
        out.println();
        out.println("| parameters | detect | networks | networks / detect |");
        out.println("|---|---:|---:|---:|");
        byCase.forEach((params, m) -> {
            Result detect = m.get("detect");
            Result networks = m.get("networks");
            out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", params, ms(detect), ms(networks),
                    detect == null || networks == null ? "-"
                            : String.format(Locale.ROOT, "%.0f%%", 100 * networks.seconds() / detect.seconds()));
        });
    }

    /** The results of one benchmark class: parameters, then method name, to result. */
    private Map<String, Map<String, Result>> byCase(String benchmark) {
        Map<String, Map<String, Result>> byCase = new TreeMap<>();
        for (Result r : results) {
            if (r.name().startsWith(benchmark + ".")) {
                byCase.computeIfAbsent(describe(r.params()), k -> new TreeMap<>())
                        .put(r.name().substring(r.name().indexOf('.') + 1), r);
            }
        }
        return byCase;
    }

    private static String ms(Result r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r.seconds() * 1e3);
    }

    /**
     * Just enough JSON for JMH's output: objects, arrays, strings, numbers (and NaN/Infinity), literals. Not
     * thread-safe: it holds a read position.
     */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = Objects.requireNonNull(s);
        }

        Object value() {
            skipSpace();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                while (!consume('}')) {
                    consume(',');
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    m.put(key, value());
                    skipSpace();
                }
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                while (!consume(']')) {
                    consume(',');
                    l.add(value());
                    skipSpace();
                }
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            for (char c = s.charAt(i++); c != '"'; c = s.charAt(i++)) {
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean consume(char c) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("JSON: expected '" + c + "' at offset " + i);
            }
        }
    }
}
