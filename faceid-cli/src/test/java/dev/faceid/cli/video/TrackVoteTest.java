package dev.faceid.cli.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceid.core.Identification;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Point;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.match.Decision;
import dev.faceid.api.match.MatchResult;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrackVoteTest {
    private static final Embedding ADA = Embedding.of("m", new float[]{1, 0, 0});
    private static final Embedding ADA_NOISY = Embedding.of("m", new float[]{0.95f, 0.2f, 0});
    private static final Embedding STRANGER = Embedding.of("m", new float[]{0, 0, 1});

    @Test
    @DisplayName("one frame's miss inside a run of the same name still shows the name")
    void flickerIsVotedAway() {
        TrackVote vote = new TrackVote(5, 0.4);
        assertEquals("ada", label(vote, face(100), ADA, known("ada", 0.2)));
        assertEquals("ada", label(vote, face(102), ADA, known("ada", 0.25)));
        assertEquals("ada", label(vote, face(104), ADA_NOISY, unknown(0.42)));
        assertEquals("ada", label(vote, face(106), ADA, known("ada", 0.2)));
    }

    @Test
    @DisplayName("with a window of 1 every frame shows its own answer")
    void windowOfOneDoesNotVote() {
        TrackVote vote = new TrackVote(1, 0.4);
        assertEquals("ada", label(vote, face(100), ADA, known("ada", 0.2)));
        assertEquals("unknown", label(vote, face(102), ADA_NOISY, unknown(0.42)));
    }

    @Test
    @DisplayName("a stranger taking a known face's place starts a new track and is not given the name")
    void strangerInTheSamePlaceIsNotNamed() {
        TrackVote vote = new TrackVote(5, 0.4);
        for (int i = 0; i < 4; i++) {
            assertEquals("ada", label(vote, face(100), ADA, known("ada", 0.2)));
        }
        assertEquals("unknown", label(vote, face(100), STRANGER, unknown(0.9)));
    }

    @Test
    @DisplayName("a voted name carries the distance of the latest frame that gave it")
    void votedNameKeepsItsOwnDistance() {
        TrackVote vote = new TrackVote(5, 0.4);
        update(vote, face(100), ADA, known("ada", 0.2));
        update(vote, face(100), ADA, known("ada", 0.3));
        MatchResult shown = update(vote, face(100), ADA_NOISY, unknown(0.45)).match();
        assertEquals(Decision.KNOWN, shown.decision());
        assertEquals(0.3, shown.distance());
    }

    private static String label(TrackVote vote, DetectedFace f, Embedding e, MatchResult m) {
        return update(vote, f, e, m).match().label();
    }

    private static Identification update(TrackVote vote, DetectedFace f, Embedding e, MatchResult m) {
        return vote.update(List.of(f), List.of(e), List.of(m)).get(0);
    }

    private static DetectedFace face(double x) {
        return new DetectedFace(new BoundingBox(x, 50, x + 80, 150), 0.99,
                Collections.nCopies(5, new Point(x + 40, 100)));
    }

    private static MatchResult known(String person, double distance) {
        return new MatchResult(Decision.KNOWN, Optional.of(person), distance, 1 - distance, 0.4, List.of());
    }

    private static MatchResult unknown(double distance) {
        return new MatchResult(Decision.UNKNOWN, Optional.empty(), distance, 1 - distance, 0.4, List.of());
    }
}
