package dev.faceid.core.gallery;

import static dev.faceid.core.gallery.Galleries.deg;
import static dev.faceid.core.gallery.Galleries.describe;
import static dev.faceid.core.gallery.Galleries.emb;
import static dev.faceid.core.gallery.Galleries.fingerprint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.error.GalleryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad gallery file is rejected with a {@link GalleryException} whose message names the file and the
 * problem, and a database that was asked to load it keeps exactly its previous content (all or nothing).
 */
class GalleryFileCorruptionTest {

    private static final String M = "x";
    private final InMemoryFaceDatabaseProvider provider = new InMemoryFaceDatabaseProvider();

    @TempDir
    Path dir;

    /** The bytes of a valid gallery, different from the victim's content. */
    private byte[] good;
    /** The database that load() is called on; its content must never change. */
    private InMemoryFaceDatabase victim;
    private byte[] victimBefore;
    private List<String> victimDescribedBefore;

    @BeforeEach
    void setUp() throws IOException {
        InMemoryFaceDatabase source = provider.create(M, 2);
        source.enroll("alice", emb(M, deg(10)));
        source.enroll("bob", emb(M, deg(20)));
        source.enroll("alice", emb(M, deg(30)));
        Path goodFile = dir.resolve("good.fidg");
        source.save(goodFile);
        good = Files.readAllBytes(goodFile);

        victim = provider.create(M, 2);
        victim.enroll("victim-a", emb(M, deg(100)));
        victim.enroll("victim-b", emb(M, deg(110)));
        victim.removeSample(victim.enroll("victim-c", emb(M, deg(120)))); // next id 4, not max id + 1
        victimBefore = fingerprint(victim, dir);
        victimDescribedBefore = describe(victim);
    }

    /** Loads {@code file} into the victim, expecting failure and no change; returns the message. */
    private String rejects(Path file) {
        GalleryException e = assertThrows(GalleryException.class, () -> victim.load(file));
        assertArrayEquals(victimBefore, fingerprint(victim, dir), "content changed after a failed load of " + file);
        assertEquals(victimDescribedBefore, describe(victim));
        GalleryException viaOpen = assertThrows(GalleryException.class, () -> provider.open(file));
        assertNotEquals(null, viaOpen.getMessage());
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "the message names the file: " + m);
        return m;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    private static boolean mentions(String message, String... words) {
        String lower = message.toLowerCase(Locale.ROOT);
        return Arrays.stream(words).anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static byte[] withValidCrc(byte[] b) {
        byte[] out = b.clone();
        CRC32C crc = new CRC32C();
        crc.update(out, 0, out.length - 4);
        ByteBuffer.wrap(out, out.length - 4, 4).putInt((int) crc.getValue());
        return out;
    }

    @Test
    @DisplayName("Sanity: the good file loads into the victim (so the failures below are caused by the damage)")
    void goodFileLoads() throws IOException {
        InMemoryFaceDatabase other = provider.create(M, 2);
        other.load(write("copy.fidg", good));
        assertEquals(List.of("alice", "bob"), other.persons());
    }

    @Test
    @DisplayName("A missing file is reported as not found")
    void missingFile() {
        String m = rejects(dir.resolve("does-not-exist.fidg"));
        assertTrue(mentions(m, "not found"), m);
    }

    @Test
    @DisplayName("An empty file is not a gallery")
    void emptyFile() throws IOException {
        String m = rejects(write("empty.fidg", new byte[0]));
        assertTrue(mentions(m, "not a faceid gallery"), m);
    }

    @Test
    @DisplayName("Random bytes are rejected by the magic number")
    void randomBytes() throws IOException {
        byte[] junk = new byte[good.length];
        new Random(42).nextBytes(junk);
        String m = rejects(write("junk.fidg", junk));
        assertTrue(mentions(m, "magic"), m);
    }

    @Test
    @DisplayName("A file that is not a gallery at all (a PNG signature and text) is rejected")
    void otherFileType() throws IOException {
        String m = rejects(write("photo.fidg", "\u0089PNG\r\n\u001a\nIHDR and more text".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertTrue(mentions(m, "magic"), m);
    }

    @Test
    @DisplayName("Truncation at many lengths is detected (too short, or checksum mismatch)")
    void truncated() throws IOException {
        int[] lengths = {1, 3, 4, 7, 8, 9, 12, 16, 20, good.length / 2, good.length - 5, good.length - 4,
                good.length - 1};
        for (int len : lengths) {
            String m = rejects(write("truncated-" + len + ".fidg", Arrays.copyOf(good, len)));
            assertTrue(mentions(m, "truncated", "bytes"), "length " + len + ": " + m);
        }
    }

    @Test
    @DisplayName("A file with extra bytes appended is detected by the checksum")
    void trailingGarbage() throws IOException {
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        String m = rejects(write("longer.fidg", longer));
        assertTrue(mentions(m, "checksum"), m);
    }

    @Test
    @DisplayName("A single flipped bit anywhere (header, names, vectors, checksum) is detected")
    void bitFlips() throws IOException {
        int n = good.length;
        int[] offsets = {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 19, 23, 27, 30, n / 3, n / 2, 2 * n / 3, n - 9,
                n - 5, n - 4, n - 3, n - 1};
        for (int offset : offsets) {
            for (int bit : new int[] {0, 7}) {
                byte[] flipped = good.clone();
                flipped[offset] ^= (byte) (1 << bit);
                String m = rejects(write("flip-" + offset + "-" + bit + ".fidg", flipped));
                assertTrue(mentions(m, "checksum", "magic", "version"), "offset " + offset + ": " + m);
            }
        }
    }

    @Test
    @DisplayName("A newer format version (with a valid checksum) asks the user to upgrade faceid")
    void newerVersion() throws IOException {
        byte[] v2 = good.clone();
        ByteBuffer.wrap(v2, 4, 2).putShort((short) 2);
        v2 = withValidCrc(v2);
        String m = rejects(write("v2.fidg", v2));
        assertTrue(mentions(m, "version 2") && mentions(m, "newer") && mentions(m, "upgrade"), m);
    }

    @Test
    @DisplayName("Format version 0 (with a valid checksum) is rejected as invalid")
    void versionZero() throws IOException {
        byte[] v0 = good.clone();
        ByteBuffer.wrap(v0, 4, 2).putShort((short) 0);
        String m = rejects(write("v0.fidg", withValidCrc(v0)));
        assertTrue(mentions(m, "version 0"), m);
    }

    @Test
    @DisplayName("A gallery of another model id is rejected by load() naming both models; open() accepts it")
    void otherModel() {
        InMemoryFaceDatabase other = provider.create("arcface", 2);
        other.enroll("zed", emb("arcface", deg(5)));
        Path f = dir.resolve("arcface.fidg");
        other.save(f);
        String m = rejects2(f);
        assertTrue(m.contains("'arcface'") && m.contains("'" + M + "'"), m);
        assertEquals("arcface", provider.open(f).modelId(), "open() takes whatever model the file has");
    }

    @Test
    @DisplayName("A gallery of the same model id but another dimension is rejected by load()")
    void otherDimension() {
        InMemoryFaceDatabase other = provider.create(M, 3);
        other.enroll("zed", emb(M, 1f, 0f, 0f));
        Path f = dir.resolve("3d.fidg");
        other.save(f);
        String m = rejects2(f);
        assertTrue(m.contains("3-d") && m.contains("2-d"), m);
    }

    /** Like {@link #rejects} for files that are valid galleries, only of another model: open() succeeds. */
    private String rejects2(Path file) {
        GalleryException e = assertThrows(GalleryException.class, () -> victim.load(file));
        assertArrayEquals(victimBefore, fingerprint(victim, dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(mentions(e.getMessage(), "re-enrol"), "says what to do: " + e.getMessage());
        return e.getMessage();
    }
}
