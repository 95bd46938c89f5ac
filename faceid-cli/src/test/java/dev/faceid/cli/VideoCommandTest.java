package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.cli.video.VideoSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code faceid video} on the generated MP4, whose frames the test made and so knows. */
class VideoCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) frames, (\\d+) analysed, (\\d+) detections, (\\d+) recognitions");
    private static final Pattern PERSON = Pattern.compile("(?m)^  (\\S+)\\s+(\\d+)$");

    static E2eData data;
    static Path gallery;
    static Path out;
    static Cli run;

    @BeforeAll
    static void enrolAndRun() {
        data = E2eData.get();
        gallery = E2eData.ROOT.resolve("video-gallery.fid");
        out = E2eData.ROOT.resolve("video-annotated.mp4");
        Cli enrol = Cli.run("enroll", data.people.toString(), "--gallery", gallery.toString());
        assertEquals(0, enrol.exitCode(), enrol.toString());
        run = Cli.run("video", data.video.toString(), "--gallery", gallery.toString(), "--video-preset",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    @DisplayName("the annotated video has the input's size and every one of its frames")
    void annotatedVideoMatchesTheInput() {
        assertTrue(Files.isRegularFile(out), out.toString());
        try (VideoSource video = VideoSource.open(out.toString())) {
            assertEquals(E2eData.WIDTH, video.width());
            assertEquals(E2eData.HEIGHT, video.height());
            int frames = 0;
            while (video.next() != null) {
                frames++;
            }
            assertEquals(E2eData.FRAMES, frames);
        }
    }

    @Test
    @DisplayName("the summary counts exactly the faces put in the frames: 3 known, then the strangers, then none")
    void summaryCountsMatchTheKnownContents() {
        Matcher m = SUMMARY.matcher(run.out());
        assertTrue(m.find(), run.toString());
        assertEquals(E2eData.FRAMES, Integer.parseInt(m.group(1)), "frames");
        assertEquals(E2eData.FRAMES, Integer.parseInt(m.group(2)), "analysed");
        assertEquals(E2eData.SEGMENT * (E2eData.KNOWN.size() + data.strangerFaces), Integer.parseInt(m.group(3)),
                "detections\n" + run);
        assertEquals(E2eData.SEGMENT * E2eData.KNOWN.size(), Integer.parseInt(m.group(4)), "recognitions\n" + run);
    }

    @Test
    @DisplayName("each enrolled person is recognised in exactly the 10 frames showing them, and no stranger is named")
    void everyKnownPersonInTheirFramesAndNoOneElse() {
        Map<String, Integer> perPerson = new TreeMap<>();
        Matcher m = PERSON.matcher(run.out());
        while (m.find()) {
            perPerson.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(E2eData.KNOWN.stream().collect(Collectors.toMap(p -> p, p -> E2eData.SEGMENT)), perPerson,
                run.toString());
    }

    @Test
    @DisplayName("analysing one frame in three still writes every frame, and analyses a third of them")
    void frameSkippingKeepsEveryFrame() {
        Path skipped = E2eData.ROOT.resolve("video-every3.mp4");
        Cli r = Cli.run("video", data.video.toString(), "-g", gallery.toString(), "--video-preset", "--every", "3",
                "--out", skipped.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = SUMMARY.matcher(r.out());
        assertTrue(m.find(), r.toString());
        assertEquals(E2eData.FRAMES, Integer.parseInt(m.group(1)));
        assertEquals(E2eData.FRAMES / 3, Integer.parseInt(m.group(2)));
        try (VideoSource video = VideoSource.open(skipped.toString())) {
            int frames = 0;
            while (video.next() != null) {
                frames++;
            }
            assertEquals(E2eData.FRAMES, frames);
        }
    }

    @Test
    @DisplayName("a file FFmpeg cannot open is an input error: exit code 2 and one line")
    void unreadableVideoIsAnInputError() {
        Cli r = Cli.run("video", data.people.resolve("sample1-A.jpg") + ".missing.mp4", "-g", gallery.toString());
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
