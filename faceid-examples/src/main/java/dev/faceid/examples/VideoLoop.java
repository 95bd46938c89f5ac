package dev.faceid.examples;

import dev.faceid.api.image.FaceImage;
import dev.faceid.api.match.MatchResult;
import dev.faceid.cli.video.VideoSource;
import dev.faceid.core.FaceId;
import dev.faceid.core.Identification;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tutorial's video loop: read frames, detect, align, embed and recognise every face against a saved gallery,
 * and count in how many frames each person was seen.
 *
 * <pre>java dev.faceid.examples.VideoLoop people.fid clip.mp4     (or a camera number instead of a file)</pre>
 */
public final class VideoLoop {
    private VideoLoop() {
    }

    public static void main(String[] args) {
        Path gallery = Path.of(args[0]);
        Map<String, Integer> framesSeen = new TreeMap<>();
        int frames = 0;
        try (FaceId faceId = FaceId.builder().optGallery(gallery).build();
             VideoSource video = VideoSource.open(args[1])) {
            for (BufferedImage frame = video.next(); frame != null; frame = video.next()) {
                frames++;
                for (Identification id : faceId.identify(FaceImage.of(frame))) {
                    MatchResult m = id.match();
                    framesSeen.merge(m.label(), 1, Integer::sum);
                }
            }
        }
        System.out.println(frames + " frames");
        framesSeen.forEach((who, n) -> System.out.println(who + ": " + n + " frames"));
    }
}
