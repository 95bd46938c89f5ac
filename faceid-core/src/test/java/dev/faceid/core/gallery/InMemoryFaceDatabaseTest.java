package dev.faceid.core.gallery;

import static dev.faceid.core.gallery.Galleries.deg;
import static dev.faceid.core.gallery.Galleries.describe;
import static dev.faceid.core.gallery.Galleries.emb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the in-memory gallery does: its provider, and save/load round trips of its file. The SPI contract
 * (enrolment, removal, renaming, search) is the testkit's FaceDatabaseConformanceSuite, which faceid-testkit's
 * InMemoryFaceDatabaseConformanceTest runs on this gallery.
 */
class InMemoryFaceDatabaseTest {

    private static final String M = "x";
    private final InMemoryFaceDatabaseProvider provider = new InMemoryFaceDatabaseProvider();

    @TempDir
    Path dir;

    private InMemoryFaceDatabase db() {
        return provider.create(M, 2);
    }

    @Test
    @DisplayName("The provider is 'memory', always available, and rejects a non-positive dimension")
    void provider() {
        assertEquals("memory", provider.name());
        assertTrue(provider.availability().available());
        InMemoryFaceDatabase d = provider.create("m", 7);
        assertEquals("m", d.modelId());
        assertEquals(7, d.dimension());
        assertEquals(0, d.personCount());
        assertEquals(0, d.sampleCount());
        assertThrows(IllegalArgumentException.class, () -> provider.create("m", 0));
    }

    @Test
    @DisplayName("save then load or open restores ids, names, vectors and the next id")
    void roundTrip() {
        InMemoryFaceDatabase d = db();
        for (int i = 0; i < 25; i++) {
            d.enroll(List.of("Zoë", "alice", "bob ☃").get(i % 3), emb(M, deg(7 * i)));
        }
        long last = d.enroll("dave", emb(M, deg(3)));
        assertTrue(d.removeSample(last), "the highest id is removed, so next id != max id + 1");
        d.rename("alice", "alicia");
        Path file = dir.resolve("sub/gallery.fidg");
        d.save(file);
        assertTrue(Files.isRegularFile(file));

        InMemoryFaceDatabase opened = provider.open(file);
        assertEquals(describe(d), describe(opened));
        InMemoryFaceDatabase loaded = db();
        loaded.enroll("someone else", emb(M, deg(90)));
        loaded.load(file);
        assertEquals(describe(d), describe(loaded), "load replaces the whole content");

        long fresh = opened.enroll("erin", emb(M, deg(1)));
        assertEquals(last + 1, fresh, "the next id is persisted, not recomputed from the remaining ids");
        assertEquals(last + 1, loaded.enroll("erin", emb(M, deg(1))));
        assertEquals(d.enroll("erin", emb(M, deg(1))), fresh, "reloaded and original continue alike");
    }

    @Test
    @DisplayName("An empty gallery round-trips, and open() of it takes the file's model and dimension")
    void emptyRoundTrip() {
        InMemoryFaceDatabase d = provider.create("facenet-512", 512);
        Path file = dir.resolve("empty.fidg");
        d.save(file);
        InMemoryFaceDatabase opened = provider.open(file);
        assertEquals("facenet-512", opened.modelId());
        assertEquals(512, opened.dimension());
        assertEquals(0, opened.sampleCount());
        assertTrue(opened.persons().isEmpty());
    }

    @Test
    @DisplayName("Saving over an existing gallery replaces it")
    void saveReplaces() {
        InMemoryFaceDatabase d = db();
        d.enroll("alice", emb(M, deg(1)));
        Path file = dir.resolve("g.fidg");
        d.save(file);
        d.enroll("bob", emb(M, deg(2)));
        d.save(file);
        assertEquals(List.of("alice", "bob"), provider.open(file).persons());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left beside the gallery");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
