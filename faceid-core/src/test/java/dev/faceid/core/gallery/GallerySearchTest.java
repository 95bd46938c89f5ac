package dev.faceid.core.gallery;

import static dev.faceid.core.gallery.SearchPaths.M;
import static dev.faceid.core.gallery.SearchPaths.assertTopK;
import static dev.faceid.core.gallery.SearchPaths.fill;
import static dev.faceid.core.gallery.SearchPaths.gaussian;
import static dev.faceid.core.gallery.SearchPaths.reference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.embed.Embedding;
import dev.faceid.core.gallery.SearchPaths.Enrolment;
import dev.faceid.core.gallery.SearchPaths.SearchPath;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every search path (scalar and vector kernels, float and int8 storage, one and several threads) returns the top-k of
 * a straightforward reference search: on random and on clustered, embedding-like vectors, with exact ties, k beyond
 * the gallery, an empty gallery, and dimensions that are not a multiple of any vector width.
 */
class GallerySearchTest {

    /** Below, at and around common vector widths (4, 8, 16 floats), and the real embedding sizes. */
    private static final int[] DIMENSIONS = {1, 3, 7, 8, 13, 17, 31, 128, 192, 201, 512};

    @TempDir
    Path dir;

    static List<SearchPath> paths() {
        return SearchPaths.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("Random unit vectors, every dimension, k = 1, 5 and more than the persons: the reference top-k")
    void randomVectors(SearchPath path) {
        Random rnd = new Random(42);
        for (int d : DIMENSIONS) {
            List<Enrolment> samples = SearchPaths.random(rnd, 300, 3, d);
            InMemoryFaceDatabase db = fill(path.create(d), samples);
            for (int query = 0; query < 5; query++) {
                float[] q = gaussian(rnd, d);
                for (Metric metric : Metric.values()) {
                    List<Candidate> ref = reference(samples, q, Aggregation.NEAREST, metric);
                    for (int k : new int[] {1, 5, 301}) {
                        assertTopK(ref, db.search(Embedding.of(M, q), k, Aggregation.NEAREST, metric), k,
                                path + " d=" + d + " k=" + k + " " + metric);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("Clustered, embedding-like vectors (d = 128, 192, 512): the reference top-5, and the right top-1")
    void clusteredVectors(SearchPath path) {
        Random rnd = new Random(7);
        for (int d : new int[] {128, 192, 512}) {
            List<float[]> centres = new ArrayList<>();
            List<Enrolment> samples = SearchPaths.clustered(rnd, 200, 3, d, centres);
            InMemoryFaceDatabase db = fill(path.create(d), samples);
            for (int p = 0; p < centres.size(); p += 7) {
                float[] q = SearchPaths.around(rnd, centres.get(p), 0.6);
                List<Candidate> ref = reference(samples, q, Aggregation.NEAREST, Metric.COSINE);
                List<Candidate> got = db.search(Embedding.of(M, q), 5, Aggregation.NEAREST, Metric.COSINE);
                assertTopK(ref, got, 5, path + " d=" + d + " person " + p);
                assertEquals("person-" + p, got.get(0).person(), "a new sample of a person finds that person");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("Exact ties (identical vectors of different persons) rank by name, also across the k boundary")
    void ties(SearchPath path) {
        int d = 19;
        Random rnd = new Random(3);
        float[] shared = gaussian(rnd, d);
        List<Enrolment> samples = new ArrayList<>(SearchPaths.random(rnd, 50, 2, d));
        for (String name : List.of("tie-d", "tie-b", "tie-c", "tie-a")) {
            samples.add(new Enrolment(name, shared));
        }
        InMemoryFaceDatabase db = fill(path.create(d), samples);
        List<Candidate> top = db.search(Embedding.of(M, shared), 3, Aggregation.NEAREST, Metric.COSINE);
        assertEquals(List.of("tie-a", "tie-b", "tie-c"), top.stream().map(Candidate::person).toList());
        assertEquals(top.get(0).distance(), top.get(2).distance(), 0.0, "bit-identical distances");
        List<Candidate> four = db.search(Embedding.of(M, shared), 4, Aggregation.NEAREST, Metric.L2);
        assertEquals("tie-d", four.get(3).person());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("An empty gallery, and one emptied by removal, answer an empty list for every k")
    void emptyGallery(SearchPath path) {
        InMemoryFaceDatabase db = path.create(5);
        Embedding q = Embedding.of(M, new float[] {1, 2, 3, 4, 5});
        for (Aggregation a : Aggregation.values()) {
            assertTrue(db.search(q, 1, a, Metric.COSINE).isEmpty());
            assertTrue(db.search(q, Integer.MAX_VALUE, a, Metric.COSINE).isEmpty());
        }
        db.enroll("alice", q);
        assertEquals(1, db.search(q, Integer.MAX_VALUE, Aggregation.NEAREST, Metric.COSINE).size());
        db.removePerson("alice");
        assertTrue(db.search(q, 3, Aggregation.NEAREST, Metric.COSINE).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("MEAN aggregation equals the reference mean distance ranking")
    void meanAggregation(SearchPath path) {
        Random rnd = new Random(11);
        int d = 37;
        List<Enrolment> samples = SearchPaths.random(rnd, 120, 4, d);
        InMemoryFaceDatabase db = fill(path.create(d), samples);
        for (int query = 0; query < 5; query++) {
            float[] q = gaussian(rnd, d);
            for (Metric metric : Metric.values()) {
                assertTopK(reference(samples, q, Aggregation.MEAN, metric),
                        db.search(Embedding.of(M, q), 10, Aggregation.MEAN, metric), 10, path + " " + metric);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("Enrolment after removal, rename and reload keeps the int8 copy in step: still the reference top-k")
    void afterEdits(SearchPath path) {
        Random rnd = new Random(5);
        int d = 23;
        List<Enrolment> samples = new ArrayList<>(SearchPaths.random(rnd, 40, 3, d));
        InMemoryFaceDatabase db = fill(path.create(d), samples);
        db.removePerson("p3");
        db.rename("p4", "renamed");
        samples.removeIf(e -> e.person().equals("p3"));
        samples.replaceAll(e -> e.person().equals("p4") ? new Enrolment("renamed", e.vector()) : e);
        List<Enrolment> more = SearchPaths.random(rnd, 10, 2, d);
        fill(db, more);
        samples.addAll(more);
        Path file = dir.resolve("g.fidg");
        db.save(file);
        InMemoryFaceDatabase reloaded = path.create(d);
        reloaded.load(file);
        InMemoryFaceDatabase opened = new InMemoryFaceDatabaseProvider().open(file, path.options());
        for (int query = 0; query < 10; query++) {
            float[] q = gaussian(rnd, d);
            List<Candidate> ref = reference(samples, q, Aggregation.NEAREST, Metric.COSINE);
            for (InMemoryFaceDatabase x : List.of(db, reloaded, opened)) {
                assertTopK(ref, x.search(Embedding.of(M, q), 4, Aggregation.NEAREST, Metric.COSINE), 4,
                        path + " " + x);
            }
        }
    }

    @Test
    @DisplayName("int8 storage answers exactly (bit for bit) what float storage answers with the same kernel")
    void int8EqualsFloat() {
        Random rnd = new Random(13);
        for (ScanKernel kernel : List.of(new ScalarKernel(), ScanKernels.vectorOrNull())) {
            for (int d : new int[] {3, 192}) {
                List<float[]> centres = new ArrayList<>();
                List<Enrolment> samples = SearchPaths.clustered(rnd, 150, 2, d, centres);
                samples.addAll(SearchPaths.random(rnd, 150, 2, d));
                InMemoryFaceDatabase f = fill(new SearchPath("float", kernel, GalleryOptions.builder().build()).create(d),
                        samples);
                InMemoryFaceDatabase q8 = fill(new SearchPath("int8", kernel, GalleryOptions.builder()
                        .optStorage(GalleryOptions.Storage.INT8).build()).create(d), samples);
                for (int i = 0; i < 30; i++) {
                    Embedding q = Embedding.of(M, i % 2 == 0 ? gaussian(rnd, d)
                            : SearchPaths.around(rnd, centres.get(i), 0.6));
                    for (int k : new int[] {1, 3, 50, 1000}) {
                        assertEquals(f.search(q, k, Aggregation.NEAREST, Metric.COSINE),
                                q8.search(q, k, Aggregation.NEAREST, Metric.COSINE), kernel + " d=" + d + " k=" + k);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("A gallery above the parallel threshold: every path (3 threads) equals the reference and 1 thread")
    void parallelScan() {
        Random rnd = new Random(17);
        int d = 9;
        int persons = 25_000; // about 75,000 samples, interleaved so persons span the ranges the threads get
        List<Enrolment> samples = SearchPaths.random(rnd, persons, 5, d);
        assertTrue(samples.size() >= GalleryOptions.PARALLEL_MIN_SAMPLES, "size " + samples.size());
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queries.add(gaussian(rnd, d));
        }
        List<List<Candidate>> refs = queries.stream()
                .map(q -> reference(samples, q, Aggregation.NEAREST, Metric.COSINE)).toList();
        for (SearchPath path : paths()) {
            InMemoryFaceDatabase db = fill(path.create(d), samples);
            InMemoryFaceDatabase oneThread = fill(new SearchPath("1", path.kernel(),
                    new GalleryOptions(path.options().storage(), 1)).create(d), samples);
            for (int i = 0; i < queries.size(); i++) {
                Embedding q = Embedding.of(M, queries.get(i));
                List<Candidate> got = db.search(q, 10, Aggregation.NEAREST, Metric.COSINE);
                assertTopK(refs.get(i), got, 10, path.toString());
                assertEquals(oneThread.search(q, 10, Aggregation.NEAREST, Metric.COSINE), got, path.toString());
            }
        }
    }

    @Test
    @DisplayName("int8 storage leaves the gallery file unchanged: the same bytes as float storage")
    void int8FileUnchanged() {
        Random rnd = new Random(19);
        List<Enrolment> samples = SearchPaths.random(rnd, 20, 2, 11);
        InMemoryFaceDatabaseProvider provider = new InMemoryFaceDatabaseProvider();
        InMemoryFaceDatabase f = fill(provider.create(M, 11), samples);
        InMemoryFaceDatabase q8 = fill(provider.create(M, 11,
                GalleryOptions.builder().optStorage(GalleryOptions.Storage.INT8).build()), samples);
        assertArrayEquals(Galleries.fingerprint(f, dir), Galleries.fingerprint(q8, dir));
    }
}
