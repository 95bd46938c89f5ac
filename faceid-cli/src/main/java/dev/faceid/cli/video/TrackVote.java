package dev.faceid.cli.video;

import dev.faceid.core.Identification;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.match.MatchResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps a name from flickering frame to frame: faces of consecutive analysed frames are linked into tracks, and each
 * face shows the label its track gave most often over the last {@code window} frames (the latest wins a tie).
 *
 * <p>A face joins a track only if its box overlaps the track's last box (IoU at least {@link #MIN_IOU}) <em>and</em>
 * its embedding is within the match threshold of the track's last one: a box alone would let a stranger who steps
 * into a known person's place inherit their name. A window of 1 shows each frame's own answer. Not thread-safe.
 */
public final class TrackVote {
    /** Consecutive analysed frames fast enough to follow a walking person overlap at least this much. */
    public static final double MIN_IOU = 0.3;
    /** A track survives this many analysed frames without its face (a missed detection, a blink). */
    public static final int MAX_MISSED = 2;

    private final int window;
    private final double maxDistance;
    private final List<Track> tracks = new ArrayList<>();

    /**
     * @param window      how many of a track's latest answers vote, at least 1
     * @param maxDistance largest cosine distance between the embeddings of one face in consecutive frames
     */
    public TrackVote(int window, double maxDistance) {
        if (window < 1) {
            throw new IllegalArgumentException("The vote window must be at least 1 frame, got " + window);
        }
        this.window = window;
        this.maxDistance = maxDistance;
    }

    private final class Track {
        DetectedFace face;
        Embedding embedding;
        int missed;
        final Deque<String> labels = new ArrayDeque<>();
        /** The latest answer that gave each label, so a voted name comes with a real distance and confidence. */
        final Map<String, MatchResult> latest = new HashMap<>();

        Identification add(DetectedFace f, Embedding e, MatchResult m) {
            face = f;
            embedding = e;
            missed = 0;
            labels.addLast(m.label());
            latest.put(m.label(), m);
            if (labels.size() > window) {
                labels.removeFirst();
            }
            Map<String, Integer> votes = new HashMap<>();
            String winner = m.label();
            int best = 0;
            // Newest first, and only a strictly larger count displaces the leader: the latest wins a tie.
            for (Iterator<String> it = labels.descendingIterator(); it.hasNext(); ) {
                String label = it.next();
                int n = votes.merge(label, 1, Integer::sum);
                if (n > best) {
                    best = n;
                    winner = label;
                }
            }
            latest.keySet().retainAll(labels);
            return new Identification(f, latest.get(winner));
        }
    }

    /**
     * The identifications of one analysed frame after the vote.
     *
     * @param faces      the frame's faces
     * @param embeddings their embeddings, in the same order
     * @param matches    each face's own match, in the same order
     * @return one identification per face, in the same order
     */
    public List<Identification> update(List<DetectedFace> faces, List<Embedding> embeddings,
                                       List<MatchResult> matches) {
        Track[] assigned = new Track[faces.size()];
        List<Track> free = new ArrayList<>(tracks);
        // Greedy, best overlap first: with a handful of faces per frame an optimal assignment changes nothing.
        while (true) {
            double bestIou = MIN_IOU;
            int bestFace = -1;
            Track bestTrack = null;
            for (int i = 0; i < faces.size(); i++) {
                if (assigned[i] != null) {
                    continue;
                }
                for (Track t : free) {
                    double iou = faces.get(i).box().iou(t.face.box());
                    if (iou >= bestIou && 1 - embeddings.get(i).cosine(t.embedding) < maxDistance) {
                        bestIou = iou;
                        bestFace = i;
                        bestTrack = t;
                    }
                }
            }
            if (bestTrack == null) {
                break;
            }
            assigned[bestFace] = bestTrack;
            free.remove(bestTrack);
        }
        for (Track t : free) {
            t.missed++;
        }
        tracks.removeIf(t -> t.missed > MAX_MISSED);
        List<Identification> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            Track t = assigned[i];
            if (t == null) {
                t = new Track();
                tracks.add(t);
            }
            out.add(t.add(faces.get(i), embeddings.get(i), matches.get(i)));
        }
        return out;
    }
}
