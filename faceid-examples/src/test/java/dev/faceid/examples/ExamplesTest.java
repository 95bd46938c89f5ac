package dev.faceid.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.cli.video.VideoSink;
import dev.faceid.core.FaceId;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import dev.faceid.samples.SamplePhotos;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example runs as its README line says, on the sample photos, and prints what it promises. */
class ExamplesTest {

    /** Runs {@code main} and returns what it printed. */
    private static String run(ThrowingMain main) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(before);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        before.print(printed);
        return printed;
    }

    private interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    @DisplayName("EnrolFolderAndIdentify enrols each photo under its name and names that person in a photo")
    void enrolFolderAndIdentify(@TempDir Path dir) throws Exception {
        Path people = Files.createDirectory(dir.resolve("people"));
        Files.copy(SamplePhotos.get("sample1.jpg"), people.resolve("ada.jpg"));
        Files.copy(SamplePhotos.get("sample2.jpg"), people.resolve("alan.jpg"));
        String out = run(() -> EnrolFolderAndIdentify.main(new String[] {people.toString(),
                SamplePhotos.get("sample1.jpg").toString()}));
        assertTrue(out.contains("enrolled ada") && out.contains("enrolled alan"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ada at ")), out);
    }

    @Test
    @DisplayName("VideoLoop recognises the enrolled person in every frame of a clip and counts the frames")
    void videoLoop(@TempDir Path dir) throws Exception {
        BufferedImage photo = ImageIO.read(SamplePhotos.get("sample1.jpg").toFile());
        Path gallery = dir.resolve("people.fid");
        try (FaceId faceId = FaceId.builder().build()) {
            faceId.enroll("ada", faceId.read(SamplePhotos.get("sample1.jpg")));
            faceId.saveGallery(gallery);
        }
        Path clip = dir.resolve("clip.mp4");
        int w = photo.getWidth() & ~1;
        int h = photo.getHeight() & ~1;
        BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.drawImage(photo, 0, 0, null);
        g.dispose();
        try (VideoSink sink = VideoSink.create(clip, w, h, 10)) {
            for (int i = 0; i < 5; i++) {
                sink.write(frame);
            }
        }
        String out = run(() -> VideoLoop.main(new String[] {gallery.toString(), clip.toString()}));
        assertTrue(out.contains("5 frames"), out);
        assertTrue(out.contains("ada: 5 frames"), out);
    }

    @Test
    @DisplayName("CustomEmbeddingModel runs a model described by a properties file (the MobileFaceNet export under "
            + "another id) and verifies a photo against itself")
    void customEmbeddingModel(@TempDir Path dir) throws Exception {
        try (InputStream in = MobileFaceNetModels.MOBILEFACENET.open(".onnx").orElseThrow()) {
            Files.copy(in, dir.resolve("my-model.onnx"));
        }
        Path properties = dir.resolve("my-model.properties");
        Files.write(properties, List.of("file=my-model.onnx", "id=my-mobilefacenet", "dimension=192",
                "input.width=112", "input.height=112", "threshold=0.4", "normalization=facenet"));
        String photo = SamplePhotos.get("sample1.jpg").toString();
        String out = run(() -> CustomEmbeddingModel.main(new String[] {properties.toString(), photo, photo}));
        assertTrue(out.contains("model my-mobilefacenet: same person"), out);
    }
}
