package dev.faceid.core.gallery;

import static dev.faceid.core.gallery.Galleries.deg;
import static dev.faceid.core.gallery.Galleries.emb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Searches running concurrently with a writer each see one consistent moment of the gallery.
 *
 * <p>Design: two persons are always present. A writer cycles the gallery through a fixed set of states (a near
 * person enrolled, renamed, removed; an extra far sample of an anchor enrolled and removed). Each state's full
 * answer to the query (every person, with exact distances) is computed single-threaded beforehand, and every
 * concurrent answer must equal one of them exactly: a torn read (half an update) would show up as a list that
 * matches no state.
 */
class GalleryConcurrencyTest {

    private static final String M = "x";
    private static final Embedding QUERY = emb(M, 1f, 0f);
    private static final int K = 10; // more than the persons ever enrolled: the full ranking is compared
    private static final int READERS = 8;
    private static final long WRITER_NANOS = TimeUnit.MILLISECONDS.toNanos(1200);
    private static final int MAX_WRITER_CYCLES = 200_000;

    private static List<Candidate> search(InMemoryFaceDatabase db) {
        return db.search(QUERY, K, Aggregation.NEAREST, Metric.COSINE);
    }

    /** Runs one writer cycle, recording the answer after each step when {@code states} is non-null. */
    private static void cycle(InMemoryFaceDatabase db, Set<List<Candidate>> states) {
        long near = db.enroll("flip", emb(M, deg(10)));     // flip is top-1
        record(db, states);
        long extra = db.enroll("anchor-a", emb(M, deg(70))); // a far extra sample: ranking unchanged
        record(db, states);
        db.rename("flip", "flop");                          // same ranking under another name
        record(db, states);
        db.removeSample(near);                              // back to anchors only
        record(db, states);
        db.removeSample(extra);
        record(db, states);
        db.enroll("gone", emb(M, deg(170)));                // a far person, last in the ranking
        record(db, states);
        db.removePerson("gone");
        record(db, states);
    }

    private static void record(InMemoryFaceDatabase db, Set<List<Candidate>> states) {
        if (states != null) {
            states.add(search(db));
        }
    }

    private static InMemoryFaceDatabase anchors() {
        InMemoryFaceDatabase db = new InMemoryFaceDatabaseProvider().create(M, 2);
        db.enroll("anchor-a", emb(M, deg(30)));
        db.enroll("anchor-b", emb(M, deg(60)));
        return db;
    }

    @Test
    @Timeout(30)
    @DisplayName("8 readers and 1 writer: no exception and every answer equals the answer of some gallery state")
    void readersSeeConsistentStates() throws Exception {
        InMemoryFaceDatabase db = anchors();
        Set<List<Candidate>> valid = new java.util.HashSet<>();
        record(db, valid);
        cycle(db, valid);
        cycle(db, valid); // a second cycle: the states repeat exactly
        assertEquals(4, valid.size(), "designed states: anchors, +flip, +flop, +gone; got " + valid);
        Set<List<Candidate>> validStates = Set.copyOf(valid);

        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        AtomicBoolean writerDone = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
        AtomicLong answers = new AtomicLong();
        try {
            Future<Integer> writer = pool.submit(() -> {
                start.await();
                long end = System.nanoTime() + WRITER_NANOS;
                int cycles = 0;
                try {
                    while (cycles < MAX_WRITER_CYCLES && System.nanoTime() < end) {
                        cycle(db, null);
                        cycles++;
                    }
                } finally {
                    writerDone.set(true);
                }
                return cycles;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    // Bounded: stops with the writer, or after this many searches at most.
                    for (int i = 0; i < 5_000_000 && !writerDone.get(); i++) {
                        List<Candidate> answer = search(db);
                        answers.incrementAndGet();
                        if (!validStates.contains(answer) && bad.size() < 10) {
                            bad.add(answer.toString());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            int cycles = writer.get(20, TimeUnit.SECONDS);
            for (Future<?> r : readers) {
                r.get(20, TimeUnit.SECONDS); // rethrows any exception a reader hit
            }
            assertTrue(bad.isEmpty(), "answers matching no gallery state: " + bad);
            assertTrue(cycles > 0 && answers.get() > 0, "both sides ran: " + cycles + " cycles, " + answers);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("anchor-a", "anchor-b"), db.persons(), "each cycle ends where it started");
        assertEquals(search(anchors()), search(db));
    }
}
