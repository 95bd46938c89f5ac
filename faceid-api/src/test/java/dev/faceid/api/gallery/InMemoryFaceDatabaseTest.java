package dev.faceid.api.gallery;

import static dev.faceid.api.gallery.Galleries.deg;
import static dev.faceid.api.gallery.Galleries.describe;
import static dev.faceid.api.gallery.Galleries.emb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.error.EmbeddingMismatchException;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrolment, removal, renaming, search and save/load round trips of the in-memory gallery. */
class InMemoryFaceDatabaseTest {

    private static final String M = "x";
    private final InMemoryFaceDatabaseProvider provider = new InMemoryFaceDatabaseProvider();

    @TempDir
    Path dir;

    private FaceDatabase db() {
        return provider.create(M, 2);
    }

    @Test
    @DisplayName("The provider is 'memory', always available, and rejects a non-positive dimension")
    void provider() {
        assertEquals("memory", provider.name());
        assertTrue(provider.availability().available());
        FaceDatabase d = provider.create("m", 7);
        assertEquals("m", d.modelId());
        assertEquals(7, d.dimension());
        assertEquals(0, d.personCount());
        assertEquals(0, d.sampleCount());
        assertThrows(IllegalArgumentException.class, () -> provider.create("m", 0));
    }

    @Test
    @DisplayName("Many samples per person: distinct increasing ids, counts, and samples oldest first, normalised")
    void enrollManySamples() {
        FaceDatabase d = db();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // past the initial capacity of 16 so the arrays grow
            ids.add(d.enroll(i % 2 == 0 ? "alice" : "bob", emb(M, deg(i))));
        }
        d.enroll("carol", emb(M, 3f, 4f)); // not unit length
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids increase: " + ids);
        }
        assertEquals(3, d.personCount());
        assertEquals(41, d.sampleCount());
        List<Sample> alice = d.samples("alice");
        assertEquals(20, alice.size());
        for (int j = 0; j < alice.size(); j++) {
            Sample s = alice.get(j);
            assertEquals(ids.get(2 * j), s.id());
            assertEquals("alice", s.person());
            assertArrayEquals(deg(2 * j), s.embedding().toArray());
            assertEquals(M, s.embedding().modelId());
        }
        assertArrayEquals(new float[] {0.6f, 0.8f}, d.samples("carol").get(0).embedding().toArray(), 1e-7f,
                "stored normalised");
        assertTrue(d.samples("nobody").isEmpty());
    }

    @Test
    @DisplayName("enroll rejects a blank name and an embedding of another model or dimension")
    void enrollRejects() {
        FaceDatabase d = db();
        assertThrows(IllegalArgumentException.class, () -> d.enroll(" ", emb(M, 1f, 0f)));
        assertThrows(IllegalArgumentException.class, () -> d.enroll(null, emb(M, 1f, 0f)));
        assertThrows(EmbeddingMismatchException.class, () -> d.enroll("a", emb("y", 1f, 0f)));
        assertThrows(EmbeddingMismatchException.class, () -> d.enroll("a", emb(M, 1f, 0f, 0f)));
        assertEquals(0, d.sampleCount());
    }

    @Test
    @DisplayName("persons() is sorted whatever the enrolment order")
    void personsSorted() {
        FaceDatabase d = db();
        for (String p : List.of("carol", "alice", "dave", "bob")) {
            d.enroll(p, emb(M, 1f, 0f));
        }
        assertEquals(List.of("alice", "bob", "carol", "dave"), d.persons());
    }

    @Test
    @DisplayName("removeSample removes exactly one sample, and a person's last sample takes the person with it")
    void removeSample() {
        FaceDatabase d = db();
        long a1 = d.enroll("alice", emb(M, deg(1)));
        long a2 = d.enroll("alice", emb(M, deg(2)));
        long b1 = d.enroll("bob", emb(M, deg(3)));
        assertTrue(d.removeSample(a1));
        assertFalse(d.removeSample(a1), "already gone");
        assertFalse(d.removeSample(9999));
        assertEquals(List.of(a2), d.samples("alice").stream().map(Sample::id).toList());
        assertEquals(2, d.sampleCount());
        assertTrue(d.removeSample(b1));
        assertEquals(List.of("alice"), d.persons());
        assertEquals(1, d.personCount());
        assertEquals(1, d.search(emb(M, 1f, 0f), 5, Aggregation.NEAREST, Metric.COSINE).size());
    }

    @Test
    @DisplayName("removePerson removes all of a person's samples and returns how many; unknown names give 0")
    void removePerson() {
        FaceDatabase d = db();
        d.enroll("alice", emb(M, deg(1)));
        d.enroll("bob", emb(M, deg(2)));
        d.enroll("alice", emb(M, deg(3)));
        long b2 = d.enroll("bob", emb(M, deg(4)));
        assertEquals(2, d.removePerson("alice"));
        assertEquals(0, d.removePerson("alice"));
        assertEquals(0, d.removePerson("nobody"));
        assertEquals(List.of("bob"), d.persons());
        assertEquals(2, d.sampleCount());
        assertEquals(b2, d.samples("bob").get(1).id());
        long next = d.enroll("alice", emb(M, deg(5)));
        assertTrue(next > b2, "ids are never reused after removal");
    }

    @Test
    @DisplayName("rename keeps ids and vectors, and the search reports the new name")
    void rename() {
        FaceDatabase d = db();
        long id = d.enroll("alice", emb(M, deg(10)));
        d.enroll("bob", emb(M, deg(40)));
        d.rename("alice", "alicia");
        assertEquals(List.of("alicia", "bob"), d.persons());
        assertTrue(d.samples("alice").isEmpty());
        Sample s = d.samples("alicia").get(0);
        assertEquals(id, s.id());
        assertArrayEquals(deg(10), s.embedding().toArray());
        assertEquals("alicia", d.search(emb(M, 1f, 0f), 1, Aggregation.NEAREST, Metric.COSINE).get(0).person());
        d.enroll("alicia", emb(M, deg(11)));
        assertEquals(2, d.samples("alicia").size(), "new samples join the renamed person");
    }

    @Test
    @DisplayName("rename rejects an unknown source, an existing target and a blank target, changing nothing")
    void renameErrors() {
        FaceDatabase d = db();
        d.enroll("alice", emb(M, deg(10)));
        d.enroll("bob", emb(M, deg(40)));
        List<String> before = describe(d);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> d.rename("nobody", "x"));
        assertTrue(unknown.getMessage().contains("nobody"), unknown.getMessage());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> d.rename("alice", "bob"));
        assertTrue(taken.getMessage().contains("bob"), taken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.rename("alice", ""));
        assertEquals(before, describe(d));
    }

    @Test
    @DisplayName("search returns the k nearest people, nearest first, ties by name, fewer if fewer are enrolled")
    void searchTopK() {
        FaceDatabase d = db();
        d.enroll("c", emb(M, deg(30)));
        d.enroll("a", emb(M, deg(10)));
        d.enroll("b", emb(M, deg(20)));
        d.enroll("a", emb(M, deg(50)));
        d.enroll("tie2", emb(M, deg(-40)));
        d.enroll("tie1", emb(M, deg(40)));
        Embedding q = emb(M, 1f, 0f);
        List<Candidate> top3 = d.search(q, 3, Aggregation.NEAREST, Metric.COSINE);
        assertEquals(List.of("a", "b", "c"), top3.stream().map(Candidate::person).toList());
        assertEquals(1 - Math.cos(Math.toRadians(10)), top3.get(0).distance(), 1e-6);
        List<Candidate> all = d.search(q, 100, Aggregation.NEAREST, Metric.COSINE);
        assertEquals(List.of("a", "b", "c", "tie1", "tie2"), all.stream().map(Candidate::person).toList());
        assertEquals(all.get(3).distance(), all.get(4).distance(), 0.0, "an exact tie by construction");
        List<Candidate> l2 = d.search(q, 1, Aggregation.NEAREST, Metric.L2);
        assertEquals(Math.sqrt(2 - 2 * Math.cos(Math.toRadians(10))), l2.get(0).distance(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> d.search(q, 0, Aggregation.NEAREST, Metric.COSINE));
        assertThrows(EmbeddingMismatchException.class,
                () -> d.search(emb("y", 1f, 0f), 1, Aggregation.NEAREST, Metric.COSINE));
        assertTrue(db().search(q, 3, Aggregation.MEAN, Metric.COSINE).isEmpty());
    }

    @Test
    @DisplayName("save then load or open restores ids, names, vectors and the next id")
    void roundTrip() {
        FaceDatabase d = db();
        for (int i = 0; i < 25; i++) {
            d.enroll(List.of("Zoë", "alice", "bob ☃").get(i % 3), emb(M, deg(7 * i)));
        }
        long last = d.enroll("dave", emb(M, deg(3)));
        assertTrue(d.removeSample(last), "the highest id is removed, so next id != max id + 1");
        d.rename("alice", "alicia");
        Path file = dir.resolve("sub/gallery.fidg");
        d.save(file);
        assertTrue(Files.isRegularFile(file));

        FaceDatabase opened = provider.open(file);
        assertEquals(describe(d), describe(opened));
        FaceDatabase loaded = db();
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
        FaceDatabase d = provider.create("facenet-512", 512);
        Path file = dir.resolve("empty.fidg");
        d.save(file);
        FaceDatabase opened = provider.open(file);
        assertEquals("facenet-512", opened.modelId());
        assertEquals(512, opened.dimension());
        assertEquals(0, opened.sampleCount());
        assertTrue(opened.persons().isEmpty());
    }

    @Test
    @DisplayName("Saving over an existing gallery replaces it")
    void saveReplaces() {
        FaceDatabase d = db();
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
