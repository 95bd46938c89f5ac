package dev.faceid.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.error.EmbeddingMismatchException;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.match.Decision;
import dev.faceid.api.match.MatchResult;
import dev.faceid.api.match.Matcher;
import dev.faceid.api.match.MatcherOptions;
import dev.faceid.api.match.MatcherProvider;
import dev.faceid.api.match.Verification;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Matcher} must decide, on hand-made 2-D embeddings: known, unknown and ambiguous answers, the
 * threshold and its edge, margins, metrics, aggregation, top-k, confidence, and refused mismatches. The query is
 * always the unit vector at 0 degrees and gallery samples are unit vectors at chosen angles, so the cosine distance
 * of a sample at angle a is 1 - cos(a). The galleries are the built-in in-memory gallery ({@code "memory"}). A
 * matcher's test extends this and names its provider.
 */
public abstract class MatcherConformanceSuite {

    private static final String MODEL = "x";
    private static final EmbeddingModel COSINE_MODEL = model(0.5, Metric.COSINE);
    private static final Embedding QUERY = Embedding.of(MODEL, new float[] {1f, 0f});
    /** cos 60 = 0.5 and 1 * 0.5f is exact in float, so this sample's cosine distance to QUERY is exactly 0.5. */
    private static final float[] AT_60 = {0.5f, (float) (Math.sqrt(3) / 2)};

    private static EmbeddingModel model(double threshold, Metric metric) {
        return EmbeddingModel.builder().setId(MODEL).setSource(ModelSource.file(Path.of("x.onnx"))).setDimension(2)
                .setInputSize(112, 112).setThreshold(threshold).optMetric(metric).build();
    }

    private static float[] deg(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static double cosDist(double degrees) {
        return 1 - Math.cos(Math.toRadians(degrees));
    }

    /** The provider of the matcher under test. */
    protected abstract MatcherProvider provider();

    private static FaceDatabase gallery(String model) {
        return Registries.databases().forName("memory").create(model, 2);
    }

    private static FaceDatabase gallery() {
        return gallery(MODEL);
    }

    private static void enroll(FaceDatabase db, String person, float[] v) {
        db.enroll(person, Embedding.of(MODEL, v));
    }

    private Matcher matcher(MatcherOptions options) {
        return provider().create(options, COSINE_MODEL);
    }

    @Test
    @DisplayName("A person nearer than the threshold is KNOWN and named, with distance and candidates")
    void known() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(20));
        enroll(db, "bob", deg(70));
        MatchResult r = matcher(MatcherOptions.defaults()).match(QUERY, db);
        assertEquals(Decision.KNOWN, r.decision());
        assertEquals(Optional.of("alice"), r.person());
        assertEquals("alice", r.label());
        assertTrue(r.isKnown());
        assertEquals(cosDist(20), r.distance(), 1e-6);
        assertEquals(0.5, r.threshold());
        assertEquals(List.of("alice", "bob"), r.candidates().stream().map(Candidate::person).toList());
    }

    @Test
    @DisplayName("When the nearest person is beyond the threshold the face is UNKNOWN, yet candidates are reported")
    void unknown() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(80));
        MatchResult r = matcher(MatcherOptions.defaults()).match(QUERY, db);
        assertEquals(Decision.UNKNOWN, r.decision());
        assertEquals(Optional.empty(), r.person());
        assertEquals("unknown", r.label());
        assertEquals(cosDist(80), r.distance(), 1e-6);
        assertEquals(List.of("alice"), r.candidates().stream().map(Candidate::person).toList());
    }

    @Test
    @DisplayName("An empty gallery gives UNKNOWN with infinite distance, zero confidence and no candidates")
    void emptyGallery() {
        MatchResult r = matcher(MatcherOptions.defaults()).match(QUERY, gallery());
        assertEquals(Decision.UNKNOWN, r.decision());
        assertEquals(Double.POSITIVE_INFINITY, r.distance());
        assertEquals(0, r.confidence());
        assertTrue(r.candidates().isEmpty());
    }

    @Test
    @DisplayName("With a margin, a runner-up within the margin of the nearest makes the answer AMBIGUOUS")
    void ambiguousWithinMargin() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(20));
        enroll(db, "bob", deg(25)); // cos20 - cos25 = 0.0334
        MatchResult r = matcher(MatcherOptions.builder().optMargin(0.1).build()).match(QUERY, db);
        assertEquals(Decision.AMBIGUOUS, r.decision());
        assertEquals(Optional.empty(), r.person());
        assertEquals("ambiguous", r.label());
        assertEquals(cosDist(20), r.distance(), 1e-6);

        MatchResult clear = matcher(MatcherOptions.builder().optMargin(0.02).build()).match(QUERY, db);
        assertEquals(Decision.KNOWN, clear.decision());
        assertEquals(Optional.of("alice"), clear.person());

        MatchResult noMargin = matcher(MatcherOptions.defaults()).match(QUERY, db);
        assertEquals(Decision.KNOWN, noMargin.decision());
    }

    @Test
    @DisplayName("The margin check looks at the runner-up even when only the top-1 candidate is reported")
    void marginWithTopOne() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(20));
        enroll(db, "bob", deg(25));
        MatchResult r = matcher(MatcherOptions.builder().optMargin(0.1).optTopK(1).build()).match(QUERY, db);
        assertEquals(Decision.AMBIGUOUS, r.decision());
        assertEquals(1, r.candidates().size());
    }

    @Test
    @DisplayName("A single enrolled person under the threshold is KNOWN even with a margin set")
    void marginWithSinglePerson() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(20));
        assertEquals(Decision.KNOWN, matcher(MatcherOptions.builder().optMargin(0.1).build()).match(QUERY, db)
                .decision());
    }

    @Test
    @DisplayName("Threshold edge: distance exactly equal to the threshold is UNKNOWN, one ulp under it is KNOWN")
    void thresholdEdge() {
        FaceDatabase db = gallery();
        enroll(db, "alice", AT_60);
        MatchResult atEdge = matcher(MatcherOptions.builder().optThreshold(0.5).build()).match(QUERY, db);
        assertEquals(0.5, atEdge.distance(), 0.0, "the construction must give an exact distance");
        assertEquals(Decision.UNKNOWN, atEdge.decision());

        MatchResult justUnder = matcher(MatcherOptions.builder().optThreshold(Math.nextUp(0.5)).build())
                .match(QUERY, db);
        assertEquals(Decision.KNOWN, justUnder.decision());

        // The model default (0.5) applies the same strict rule.
        assertEquals(Decision.UNKNOWN, matcher(MatcherOptions.defaults()).match(QUERY, db).decision());
    }

    @Test
    @DisplayName("An explicit threshold overrides the model's default threshold")
    void thresholdOverride() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(50)); // distance 0.357
        Matcher byModel = matcher(MatcherOptions.defaults());
        assertEquals(0.5, byModel.threshold());
        assertEquals(Decision.KNOWN, byModel.match(QUERY, db).decision());

        Matcher strict = matcher(MatcherOptions.builder().optThreshold(0.3).build());
        assertEquals(0.3, strict.threshold());
        MatchResult r = strict.match(QUERY, db);
        assertEquals(Decision.UNKNOWN, r.decision());
        assertEquals(0.3, r.threshold());
    }

    @Test
    @DisplayName("With the L2 metric the model's cosine threshold is converted: cosine 0.5 is L2 1.0, and back")
    void l2ThresholdConversion() {
        Matcher l2 = matcher(MatcherOptions.builder().optMetric(Metric.L2).build());
        assertEquals(1.0, l2.threshold(), 1e-12);
        Matcher l2Of04 = provider().create(MatcherOptions.builder().optMetric(Metric.L2).build(),
                model(0.4, Metric.COSINE));
        assertEquals(Math.sqrt(0.8), l2Of04.threshold(), 1e-12);

        Matcher cosineOfL2Model = provider().create(MatcherOptions.defaults(),
                model(1.0, Metric.L2));
        assertEquals(0.5, cosineOfL2Model.threshold(), 1e-12);

        // Decisions agree with the cosine matcher: 60 degrees is on the edge, 59 under it.
        FaceDatabase edge = gallery();
        enroll(edge, "alice", AT_60);
        MatchResult r = l2.match(QUERY, edge);
        assertEquals(1.0, r.distance(), 1e-12);
        assertEquals(Decision.UNKNOWN, r.decision());
        FaceDatabase under = gallery();
        enroll(under, "alice", deg(59));
        MatchResult k = l2.match(QUERY, under);
        assertEquals(Decision.KNOWN, k.decision());
        assertEquals(Math.sqrt(2 * cosDist(59)), k.distance(), 1e-6);
    }

    @Test
    @DisplayName("MEAN and NEAREST aggregation pick different people on a designed gallery")
    void aggregationChangesWinner() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(10));  // one very near sample...
        enroll(db, "alice", deg(100)); // ...and one far one
        enroll(db, "bob", deg(20));
        enroll(db, "bob", deg(30));
        MatchResult nearest = matcher(MatcherOptions.builder().optAggregation(Aggregation.NEAREST).build())
                .match(QUERY, db);
        assertEquals(Optional.of("alice"), nearest.person());
        assertEquals(cosDist(10), nearest.distance(), 1e-6);

        MatchResult mean = matcher(MatcherOptions.builder().optAggregation(Aggregation.MEAN).build())
                .match(QUERY, db);
        assertEquals(Optional.of("bob"), mean.person());
        assertEquals((cosDist(20) + cosDist(30)) / 2, mean.distance(), 1e-6);
        assertEquals("alice", mean.candidates().get(1).person());
        assertEquals((cosDist(10) + cosDist(100)) / 2, mean.candidates().get(1).distance(), 1e-6);
    }

    @Test
    @DisplayName("topK limits the reported candidates, nearest first")
    void topKLimitsCandidates() {
        FaceDatabase db = gallery();
        String[] names = {"e", "d", "c", "b", "a"};
        for (int i = 0; i < names.length; i++) {
            enroll(db, names[i], deg(10 * (names.length - i))); // a at 10, b at 20, ... e at 50
        }
        MatchResult two = matcher(MatcherOptions.builder().optTopK(2).build()).match(QUERY, db);
        assertEquals(List.of("a", "b"), two.candidates().stream().map(Candidate::person).toList());
        MatchResult many = matcher(MatcherOptions.builder().optTopK(10).build()).match(QUERY, db);
        assertEquals(List.of("a", "b", "c", "d", "e"), many.candidates().stream().map(Candidate::person).toList());
        for (int i = 1; i < many.candidates().size(); i++) {
            assertTrue(many.candidates().get(i - 1).distance() <= many.candidates().get(i).distance());
        }
        assertEquals(3, matcher(MatcherOptions.defaults()).match(QUERY, db).candidates().size(), "default topK 3");
    }

    @Test
    @DisplayName("Confidence is 1 - cosine distance, clamped to [0, 1], in either metric")
    void confidence() {
        FaceDatabase db = gallery();
        enroll(db, "alice", AT_60);
        assertEquals(0.5, matcher(MatcherOptions.builder().optThreshold(0.9).build()).match(QUERY, db)
                .confidence(), 1e-12);
        assertEquals(0.5, matcher(MatcherOptions.builder().optMetric(Metric.L2).build()).match(QUERY, db)
                .confidence(), 1e-12);

        FaceDatabase same = gallery();
        enroll(same, "alice", new float[] {1f, 0f});
        assertEquals(1.0, matcher(MatcherOptions.defaults()).match(QUERY, same).confidence(), 0.0);

        FaceDatabase opposite = gallery();
        enroll(opposite, "alice", deg(120)); // cosine -0.5: unclamped it would be -0.5
        MatchResult r = matcher(MatcherOptions.defaults()).match(QUERY, opposite);
        assertEquals(1.5, r.distance(), 1e-6);
        assertEquals(0.0, r.confidence(), 0.0);
        assertEquals(0.0, Metric.COSINE.confidence(2.0));
        assertEquals(1.0, Metric.COSINE.confidence(-0.1), "clamped above too");
    }

    @Test
    @DisplayName("A query of another model id than the gallery is rejected with EmbeddingMismatchException")
    void otherModelIdRejected() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(10));
        Embedding other = Embedding.of("y", new float[] {1f, 0f});
        EmbeddingMismatchException e = assertThrows(EmbeddingMismatchException.class,
                () -> matcher(MatcherOptions.defaults()).match(other, db));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    @DisplayName("A gallery and query of a model other than the matcher's are rejected")
    void matcherModelMismatchRejected() {
        FaceDatabase db = gallery("y");
        db.enroll("alice", Embedding.of("y", new float[] {1f, 0f}));
        assertThrows(EmbeddingMismatchException.class,
                () -> matcher(MatcherOptions.defaults()).match(Embedding.of("y", new float[] {1f, 0f}), db));
    }

    @Test
    @DisplayName("A query of another dimension is rejected with EmbeddingMismatchException")
    void otherDimensionRejected() {
        FaceDatabase db = gallery();
        enroll(db, "alice", deg(10));
        Embedding threeD = Embedding.of(MODEL, new float[] {1f, 0f, 0f});
        EmbeddingMismatchException e = assertThrows(EmbeddingMismatchException.class,
                () -> matcher(MatcherOptions.defaults()).match(threeD, db));
        assertTrue(e.getMessage().contains("3-d") && e.getMessage().contains("2-d"), e.getMessage());
    }

    @Test
    @DisplayName("verify says same person strictly under the threshold and rejects mismatched embeddings")
    void verify() {
        Matcher m = matcher(MatcherOptions.defaults());
        Verification near = m.verify(QUERY, Embedding.of(MODEL, deg(30)));
        assertTrue(near.samePerson());
        assertEquals(cosDist(30), near.distance(), 1e-6);
        assertEquals(Math.cos(Math.toRadians(30)), near.confidence(), 1e-6);
        Verification far = m.verify(QUERY, Embedding.of(MODEL, deg(90)));
        assertFalse(far.samePerson());
        assertEquals(0.5, far.threshold());
        assertThrows(EmbeddingMismatchException.class,
                () -> m.verify(QUERY, Embedding.of(MODEL, new float[] {1f, 0f, 0f})));
        assertThrows(EmbeddingMismatchException.class,
                () -> m.verify(QUERY, Embedding.of("y", new float[] {1f, 0f})));
    }
}
