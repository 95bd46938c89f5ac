package dev.faceid.core.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The search paths under test (kernel x storage x parallelism), a straightforward reference search, and random and
 * clustered ("real-like") unit vectors. Stateless.
 */
final class SearchPaths {
    static final String M = "m";
    /** Float sums in another order than the reference's double sums differ by far less than this. */
    static final double TOLERANCE = 1e-5;

    private SearchPaths() {
    }

    /** One way of searching: a kernel and options, applied to a gallery built by {@link #create}. */
    record SearchPath(String name, ScanKernel kernel, GalleryOptions options) {
        InMemoryFaceDatabase create(int dimension) {
            return new InMemoryFaceDatabase(GallerySnapshot.empty(M, dimension), options, kernel);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every combination of scalar|vector, float|int8 and 1|3 threads. Fails if the Vector API is missing. */
    static List<SearchPath> all() {
        ScanKernel vector = ScanKernels.vectorOrNull();
        assertNotNull(vector, "the tests run with --add-modules jdk.incubator.vector (surefire argLine)");
        List<SearchPath> out = new ArrayList<>();
        for (ScanKernel kernel : List.of(new ScalarKernel(), vector)) {
            for (GalleryOptions.Storage storage : GalleryOptions.Storage.values()) {
                for (int threads : new int[] {1, 3}) {
                    out.add(new SearchPath(kernel.name() + "/" + storage + "/" + threads + " threads", kernel,
                            new GalleryOptions(storage, threads)));
                }
            }
        }
        return out;
    }

    /** A sample to enrol. */
    record Enrolment(String person, float[] vector) {
    }

    static InMemoryFaceDatabase fill(InMemoryFaceDatabase db, List<Enrolment> samples) {
        for (Enrolment e : samples) {
            db.enroll(e.person(), Embedding.of(M, e.vector()));
        }
        return db;
    }

    /** Every person ranked by the textbook definition: double dot products, a full sort by distance then name. */
    static List<Candidate> reference(List<Enrolment> samples, float[] query, Aggregation aggregation, Metric metric) {
        float[] q = unit(query);
        Map<String, List<Double>> dots = new HashMap<>();
        for (Enrolment e : samples) {
            float[] v = unit(e.vector());
            double dot = 0;
            for (int j = 0; j < q.length; j++) {
                dot += (double) q[j] * v[j];
            }
            dots.computeIfAbsent(e.person(), p -> new ArrayList<>()).add(dot);
        }
        List<Candidate> all = new ArrayList<>();
        dots.forEach((person, ds) -> all.add(new Candidate(person, aggregation == Aggregation.NEAREST
                ? metric.fromDot(ds.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                : ds.stream().mapToDouble(metric::fromDot).average().orElseThrow())));
        all.sort(Comparator.comparingDouble(Candidate::distance).thenComparing(Candidate::person));
        return all;
    }

    /**
     * {@code got} is the top {@code k} of the full reference ranking {@code ref}, up to float rounding: the right
     * length, distinct persons, each with its reference distance, and at rank r a person whose reference distance
     * equals (within {@link #TOLERANCE}) the r-th reference distance, so only near-ties may swap.
     */
    static void assertTopK(List<Candidate> ref, List<Candidate> got, int k, String what) {
        assertEquals(Math.min(k, ref.size()), got.size(), what + ": size");
        Map<String, Double> refDistance = new HashMap<>();
        ref.forEach(c -> refDistance.put(c.person(), c.distance()));
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < got.size(); r++) {
            Candidate c = got.get(r);
            int rank = r;
            // Messages are built only on failure: eager ones would format the whole list at every rank.
            assertTrue(seen.add(c.person()), () -> what + ": " + c.person() + " twice in " + got);
            Double exact = refDistance.get(c.person());
            assertNotNull(exact, () -> what + ": unknown person " + c.person());
            assertEquals(exact, c.distance(), TOLERANCE, () -> what + ": distance of " + c.person());
            assertEquals(ref.get(r).distance(), exact, TOLERANCE, () -> what + ": rank " + rank + " is "
                    + c.person() + ", expected " + ref.get(rank).person());
        }
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    static float[] gaussian(Random rnd, int d) {
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return unit(v);
    }

    /** {@code centre} plus isotropic noise of total length about {@code spread}, normalised. */
    static float[] around(Random rnd, float[] centre, double spread) {
        float[] v = new float[centre.length];
        double perDim = spread / Math.sqrt(centre.length);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + perDim * rnd.nextGaussian());
        }
        return unit(v);
    }

    /** {@code persons} people with 1 to {@code maxSamples} random unit vectors each, enrolled interleaved. */
    static List<Enrolment> random(Random rnd, int persons, int maxSamples, int d) {
        List<Enrolment> out = new ArrayList<>();
        int[] left = new int[persons];
        for (int p = 0; p < persons; p++) {
            left[p] = 1 + rnd.nextInt(maxSamples);
        }
        for (int round = 0; round < maxSamples; round++) {
            for (int p = 0; p < persons; p++) {
                if (left[p]-- > 0) {
                    out.add(new Enrolment("p" + p, gaussian(rnd, d)));
                }
            }
        }
        return out;
    }

    /**
     * Like real face embeddings: each person a cluster of samples around an identity vector (cosine about 0.7 to
     * each other), identities nearly orthogonal, so a query of an enrolled person has one clear match and a tail of
     * near-equal strangers. Returns the samples; {@code centres} receives the identities.
     */
    static List<Enrolment> clustered(Random rnd, int persons, int samplesEach, int d, List<float[]> centres) {
        List<Enrolment> out = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            float[] c = gaussian(rnd, d);
            centres.add(c);
            for (int s = 0; s < samplesEach; s++) {
                out.add(new Enrolment("person-" + p, around(rnd, c, 0.6)));
            }
        }
        return out;
    }
}
