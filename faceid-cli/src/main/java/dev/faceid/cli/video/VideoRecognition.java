package dev.faceid.cli.video;

import dev.faceid.core.FaceId;
import dev.faceid.core.Identification;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.match.MatchResult;
import dev.faceid.cli.draw.Annotator;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The FaceNet tutorial's video loop: for each frame detect, align and embed the faces, identify them, vote along
 * tracks, draw, and hand the drawn frame on. Not thread-safe.
 */
public final class VideoRecognition {
    private final FaceId faceId;
    private final int every;
    private final TrackVote vote;

    /**
     * @param every analyse one frame in this many (1 analyses all); frames in between show the last analysed
     *              faces, which trades box lag for speed as the tutorial's frame skipping does
     * @param vote  how labels are smoothed along tracks
     */
    public VideoRecognition(FaceId faceId, int every, TrackVote vote) {
        if (every < 1) {
            throw new IllegalArgumentException("Analyse every n-th frame needs n >= 1, got " + every);
        }
        this.faceId = faceId;
        this.every = every;
        this.vote = vote;
    }

    /**
     * What a run saw. Detections, recognitions and the per-person counts are over analysed frames only.
     *
     * @param frames          frames read and written
     * @param analysed        frames searched for faces
     * @param detections      faces found, summed over analysed frames
     * @param recognitions    faces named after the vote, summed over analysed frames
     * @param framesPerPerson for each name, the analysed frames in which it was shown
     * @param seconds         wall-clock time of the whole loop, decoding and encoding included
     */
    public record Summary(long frames, long analysed, long detections, long recognitions,
                          Map<String, Long> framesPerPerson, double seconds) {
        public Summary {
            framesPerPerson = Map.copyOf(framesPerPerson);
        }

        public double fps() {
            return seconds > 0 ? frames / seconds : 0;
        }
    }

    /**
     * Reads {@code source} to its end.
     *
     * @param sink  receives every frame, annotated
     * @param after called with each annotated frame once written (a window, a progress bar)
     */
    public Summary run(VideoSource source, Consumer<BufferedImage> sink, Consumer<BufferedImage> after) {
        long start = System.nanoTime();
        long frames = 0;
        long analysed = 0;
        long detections = 0;
        long recognitions = 0;
        Map<String, Long> perPerson = new TreeMap<>();
        List<Identification> shown = List.of();
        for (BufferedImage frame = source.next(); frame != null; frame = source.next()) {
            FaceImage image = FaceImage.of(frame, source.name() + "#" + frames);
            if (frames % every == 0) {
                shown = identify(image);
                analysed++;
                detections += shown.size();
                Set<String> named = new TreeSet<>();
                for (Identification id : shown) {
                    id.match().person().ifPresent(named::add);
                }
                recognitions += shown.stream().filter(i -> i.match().isKnown()).count();
                named.forEach(p -> perPerson.merge(p, 1L, Long::sum));
            }
            BufferedImage drawn = Annotator.annotate(image, shown);
            sink.accept(drawn);
            after.accept(drawn);
            frames++;
        }
        return new Summary(frames, analysed, detections, recognitions, perPerson,
                (System.nanoTime() - start) / 1e9);
    }

    private List<Identification> identify(FaceImage image) {
        List<DetectedFace> faces = faceId.detect(image);
        if (faces.isEmpty()) {
            return vote.update(List.of(), List.of(), List.of());
        }
        // One batched inference for all faces of the frame: aligned on the landmarks, then embedded.
        List<Embedding> embeddings = faceId.embedder().embedAll(image, faces);
        List<MatchResult> matches = embeddings.stream().map(e -> faceId.matcher().match(e, faceId.gallery()))
                .toList();
        return vote.update(faces, embeddings, matches);
    }
}
