package dev.faceid.cli;

import dev.faceid.core.FaceId;
import dev.faceid.cli.video.TrackVote;
import dev.faceid.cli.video.VideoRecognition;
import dev.faceid.cli.video.VideoSink;
import dev.faceid.cli.video.VideoSource;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.bytedeco.javacv.CanvasFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faceid video}: the tutorial's video loop over a file or a camera. */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = {"Identify the faces of a video file or a camera frame by frame, draw them, and count who "
                + "was seen.", "Files and cameras are read through FFmpeg (MP4/H.264 and more)."})
final class VideoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|CAMERA", description = "A video file, or a camera index (0 is "
            + "/dev/video0).")
    String input;

    @Option(names = {"-g", "--gallery"}, required = true, paramLabel = "FILE", description = "The gallery file.")
    Path gallery;

    @Option(names = "--out", paramLabel = "MP4", description = "Write the annotated video here.")
    Path out;

    @Option(names = "--show", description = "Show the annotated frames in a window while running.")
    boolean show;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1",
            description = "Analyse one frame in N; the others show the last faces found (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--vote", paramLabel = "N", defaultValue = "5",
            description = "Show the name a face's track gave most often over its last N analysed frames, so names "
                    + "do not flicker; 1 shows each frame's own answer (default: ${DEFAULT-VALUE}).")
    int vote;

    @Mixin
    MatchingOptions matching;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() {
        if (show && GraphicsEnvironment.isHeadless()) {
            throw new ParameterException(spec.commandLine(), "--show needs a display; use --out to write the video");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (FaceId faceId = FaceId.builder().optGallery(FaceIdCommand.existingGallery(gallery))
                .optDetectorOptions(detection.toOptions())
                .optMatcherOptions(matching.toOptions(1)).build();
             VideoSource source = VideoSource.open(input);
             VideoSink sink = out == null ? null
                     : VideoSink.create(out, source.width(), source.height(), source.frameRate());
             Progress progress = Progress.start(spec.commandLine().getErr(), "video", source.announcedFrames())) {
            CanvasFrame window = show ? new CanvasFrame("faceid " + input) : null;
            Consumer<BufferedImage> afterFrame = frame -> {
                if (window != null) {
                    window.showImage(frame);
                }
                progress.step("");
            };
            VideoRecognition.Summary s;
            try {
                s = new VideoRecognition(faceId, every, new TrackVote(vote, faceId.matcher().threshold()))
                        .run(source, sink == null ? frame -> { } : sink::write, afterFrame);
            } finally {
                if (window != null) {
                    window.dispose();
                }
            }
            stdout.printf(Locale.ROOT, "%s (%dx%d, %.1f fps): %d frames, %d analysed, %d detections, "
                            + "%d recognitions, %.1f frames/s%n", source.name(), source.width(), source.height(),
                    source.frameRate(), s.frames(), s.analysed(), s.detections(), s.recognitions(), s.fps());
            stdout.println("frames in which each person was recognised:");
            if (s.framesPerPerson().isEmpty()) {
                stdout.println("  nobody");
            }
            s.framesPerPerson().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> stdout.printf(Locale.ROOT, "  %-24s %d%n", e.getKey(), e.getValue()));
            if (sink != null) {
                stdout.printf(Locale.ROOT, "annotated video: %s (%s, %dx%d, %d frames)%n", out, sink.codec(),
                        source.width(), source.height(), s.frames());
            }
        }
        return FaceIdCommand.OK;
    }
}
