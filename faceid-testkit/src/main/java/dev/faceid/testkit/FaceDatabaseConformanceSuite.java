package dev.faceid.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.error.EmbeddingMismatchException;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.gallery.Sample;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FaceDatabase} must do, whatever stores it: enrol many samples per person, refuse other models'
 * embeddings and blank names, remove samples and people, rename, search the k nearest people with either metric and
 * aggregation, stay consistent under concurrent readers and a writer, keep names of any script, and refuse use after
 * {@code close}. A gallery's test extends this and says how to create an empty gallery; each test closes what it
 * creates.
 */
public abstract class FaceDatabaseConformanceSuite {
    private static final String M = "x";

    private final List<FaceDatabase> created = new ArrayList<>();

    /** A new, empty gallery of the implementation under test for {@code modelId} embeddings of {@code dimension}. */
    protected abstract FaceDatabase create(String modelId, int dimension);

    private FaceDatabase db() {
        FaceDatabase d = create(M, 2);
        created.add(d);
        return d;
    }

    @AfterEach
    void closeCreated() {
        created.forEach(FaceDatabase::close);
        created.clear();
    }

    /** A unit 2-D vector at {@code degrees}. */
    private static float[] deg(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static Embedding emb(String model, float... v) {
        return Embedding.of(model, v);
    }

    /** Every sample as "id person [vector]", in person order then sample order, after the counts. */
    private static List<String> describe(FaceDatabase db) {
        List<String> out = new ArrayList<>(List.of(db.personCount() + " persons, " + db.sampleCount() + " samples"));
        db.persons().forEach(p -> db.samples(p).forEach(
                s -> out.add(s.id() + " " + s.person() + " " + Arrays.toString(s.embedding().toArray()))));
        return out;
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
    @DisplayName("MEAN and NEAREST aggregation rank people differently on a designed gallery")
    void aggregation() {
        FaceDatabase d = db();
        // near: one sample at 5 degrees and one at 85 (a large mean distance); steady: two samples at 20 degrees.
        d.enroll("near", emb(M, deg(5)));
        d.enroll("near", emb(M, deg(85)));
        d.enroll("steady", emb(M, deg(20)));
        d.enroll("steady", emb(M, deg(20)));
        Embedding q = emb(M, 1f, 0f);
        assertEquals("near", d.search(q, 1, Aggregation.NEAREST, Metric.COSINE).get(0).person());
        assertEquals("steady", d.search(q, 1, Aggregation.MEAN, Metric.COSINE).get(0).person());
    }

    @Test
    @DisplayName("Names in any script, with spaces and punctuation, are kept exactly and sorted")
    void namesOfAnyScript() {
        FaceDatabase d = db();
        List<String> names = List.of("Zoë O'Brien", "山田 太郎", "Ada-Lovelace (1815)", "Ελένη");
        for (int i = 0; i < names.size(); i++) {
            d.enroll(names.get(i), emb(M, deg(i * 10)));
        }
        assertEquals(names.stream().sorted().toList(), d.persons());
        for (String n : names) {
            assertEquals(n, d.samples(n).get(0).person());
        }
        assertEquals("Zoë O'Brien", d.search(emb(M, 1f, 0f), 1, Aggregation.NEAREST, Metric.COSINE).get(0).person());
    }

    @Test
    @DisplayName("Searches running while one thread enrols always see whole enrolments: at most the people enrolled "
            + "so far, nearest first")
    void concurrentReadersAndWriter() throws Exception {
        FaceDatabase d = db();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    d.enroll("p" + (i % 30), emb(M, deg(i)));
                }
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    while (!writer.isDone()) {
                        List<Candidate> top = d.search(emb(M, 1f, 0f), 50, Aggregation.NEAREST, Metric.COSINE);
                        assertTrue(top.size() <= 30, "at most 30 people: " + top.size());
                        for (int i = 1; i < top.size(); i++) {
                            assertTrue(top.get(i - 1).distance() <= top.get(i).distance(), "nearest first");
                        }
                    }
                    return null;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<?> r : readers) {
                r.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(300, d.sampleCount());
        assertEquals(30, d.personCount());
    }

    @Test
    @DisplayName("After close every call but close is an IllegalStateException, and close may be called again")
    void closedGalleryRefusesUse() {
        FaceDatabase d = create(M, 2);
        d.enroll("alice", emb(M, deg(1)));
        d.close();
        assertThrows(IllegalStateException.class, () -> d.enroll("bob", emb(M, deg(2))));
        assertThrows(IllegalStateException.class, d::persons);
        assertThrows(IllegalStateException.class,
                () -> d.search(emb(M, 1f, 0f), 1, Aggregation.NEAREST, Metric.COSINE));
        d.close();
    }
}
