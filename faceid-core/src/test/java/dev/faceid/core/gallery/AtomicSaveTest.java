package dev.faceid.core.gallery;

import static dev.faceid.core.gallery.Galleries.deg;
import static dev.faceid.core.gallery.Galleries.describe;
import static dev.faceid.core.gallery.Galleries.emb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.error.GalleryException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save cut short at any byte leaves the previous gallery intact: {@link AtomicFiles#write} is driven with a stream
 * that fails after N bytes, for N across the whole file.
 */
class AtomicSaveTest {

    private static final String M = "x";
    private final InMemoryFaceDatabaseProvider provider = new InMemoryFaceDatabaseProvider();

    @TempDir
    Path dir;

    private Path target;
    private byte[] oldBytes;
    private List<String> oldContent;
    private byte[] newBytes;
    private List<String> newContent;

    @BeforeEach
    void setUp() throws IOException {
        target = dir.resolve("gallery.fidg");
        InMemoryFaceDatabase old = provider.create(M, 2);
        old.enroll("alice", emb(M, deg(10)));
        old.enroll("bob", emb(M, deg(20)));
        old.save(target);
        oldBytes = Files.readAllBytes(target);
        oldContent = describe(old);

        InMemoryFaceDatabase next = provider.create(M, 2);
        for (int i = 0; i < 12; i++) {
            next.enroll("person-" + (i % 5), emb(M, deg(3 * i)));
        }
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("new.fidg");
        next.save(elsewhere);
        newBytes = Files.readAllBytes(elsewhere);
        newContent = describe(next);
        assertNotEquals(oldContent, newContent);
    }

    /** A decorator whose stream passes the first {@code limit} bytes through, then fails like a crash would. */
    private static AtomicFiles.StreamDecorator crashAfter(int limit) {
        return out -> new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int allowed = Math.max(0, Math.min(len, limit - written));
                out.write(b, off, allowed);
                written += allowed;
                if (allowed < len) {
                    throw new IOException("simulated crash after " + limit + " bytes");
                }
            }
        };
    }

    /** A decorator whose stream takes every byte but fails when flushed. */
    private static AtomicFiles.StreamDecorator crashOnFlush() {
        return out -> new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("simulated crash at flush");
            }
        };
    }

    private List<Path> filesInDir() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void assertOldGalleryIntact(String when) throws IOException {
        assertArrayEquals(oldBytes, Files.readAllBytes(target), "target bytes changed " + when);
        assertEquals(oldContent, describe(provider.open(target)), when);
        InMemoryFaceDatabase loaded = provider.create(M, 2);
        loaded.load(target);
        assertEquals(oldContent, describe(loaded), when);
        assertEquals(List.of(target), filesInDir(), "only the gallery is left in the directory " + when);
    }

    @Test
    @DisplayName("A crash after N bytes, for N at 0, length-1 and at least 50 offsets between, leaves the old gallery")
    void crashAtManyOffsets() throws IOException {
        int len = newBytes.length;
        TreeSet<Integer> offsets = new TreeSet<>();
        int step = Math.max(1, len / 64);
        for (int n = 0; n < len; n += step) {
            offsets.add(n);
        }
        offsets.addAll(List.of(0, 1, 4, 8, len / 2, len - 5, len - 4, len - 1));
        assertTrue(offsets.size() >= 50, "tested " + offsets.size() + " offsets of a " + len + "-byte file");
        List<Integer> tested = new ArrayList<>();
        for (int n : offsets) {
            GalleryException e = assertThrows(GalleryException.class,
                    () -> AtomicFiles.write(target, newBytes, crashAfter(n)), "crash after " + n);
            assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
            assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
            assertOldGalleryIntact("after a crash at byte " + n);
            tested.add(n);
        }
        assertEquals(0, tested.get(0));
        assertEquals(len - 1, tested.get(tested.size() - 1));

        AtomicFiles.write(target, newBytes, crashAfter(len)); // the whole file gets through: a complete save
        assertArrayEquals(newBytes, Files.readAllBytes(target));
        assertEquals(newContent, describe(provider.open(target)));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    @DisplayName("A failure after every byte was written but before the flush also leaves the old gallery")
    void crashAtFlush() throws IOException {
        assertThrows(GalleryException.class, () -> AtomicFiles.write(target, newBytes, crashOnFlush()));
        assertOldGalleryIntact("after a crash at flush");
    }

    @Test
    @DisplayName("A partial temp file left by a killed process is never mistaken for the gallery")
    void leftoverTempFileIgnored() throws IOException {
        // What a process killed mid-save leaves: a temp file beside the target, named as AtomicFiles names it.
        Path leftover = dir.resolve("." + target.getFileName() + ".12345.tmp");
        Files.write(leftover, Arrays.copyOf(newBytes, newBytes.length / 2));
        assertEquals(oldContent, describe(provider.open(target)));
        InMemoryFaceDatabase loaded = provider.create(M, 2);
        loaded.load(target);
        assertEquals(oldContent, describe(loaded));
        assertThrows(GalleryException.class, () -> provider.open(leftover), "the partial file itself is invalid");

        AtomicFiles.write(target, newBytes);
        assertEquals(newContent, describe(provider.open(target)));
    }

    @Test
    @DisplayName("InMemoryFaceDatabase.save reports an unwritable location as GalleryException and leaves nothing behind")
    void saveToUnwritableLocation() throws IOException {
        Path notADirectory = Files.write(dir.resolve("plain-file"), new byte[] {1});
        InMemoryFaceDatabase d = provider.create(M, 2);
        d.enroll("alice", emb(M, deg(1)));
        GalleryException e = assertThrows(GalleryException.class, () -> d.save(notADirectory.resolve("g.fidg")));
        assertTrue(e.getMessage().contains("g.fidg"), e.getMessage());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(notADirectory));
    }
}
