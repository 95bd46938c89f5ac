package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.gallery.Sample;
import dev.faceid.core.gallery.InMemoryFaceDatabase;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceid enroll} on both folder layouts, into new and existing galleries. */
class EnrollCommandTest {
    static E2eData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        data = E2eData.get();
    }

    @Test
    @DisplayName("a photo per person, named by file: each file becomes its person")
    void photoPerPersonLayout() {
        Path gallery = dir.resolve("g.fid");
        Cli r = Cli.run("enroll", data.people.toString(), "--gallery", gallery.toString());
        assertEquals(0, r.exitCode(), r.toString());
        FaceDatabase db = open(gallery);
        assertEquals(E2eData.KNOWN, db.persons());
        assertEquals(3, db.sampleCount());
        assertTrue(r.out().contains("enrolled 3 of 3 photos: 3 new people, 0 already enrolled"), r.out());
    }

    @Test
    @DisplayName("adding a folder per person keeps the gallery's existing samples bit for bit (no re-embedding)")
    void folderPerPersonAddsWithoutReembedding() {
        Path gallery = dir.resolve("g.fid");
        assertEquals(0, Cli.run("enroll", data.people.toString(), "-g", gallery.toString()).exitCode());
        List<Sample> before = open(gallery).samples("sample1-A");

        Cli r = Cli.run("enroll", data.labelled.toString(), "-g", gallery.toString());
        assertEquals(0, r.exitCode(), r.toString());
        FaceDatabase db = open(gallery);
        List<Sample> after = db.samples("sample1-A");
        assertEquals(before.size() + 2, after.size(), "two more photos of sample1-A in labelled/");
        assertEquals(before.get(0).id(), after.get(0).id());
        assertArrayEquals(before.get(0).embedding().toArray(), after.get(0).embedding().toArray());
        long labelledPeople = LabelledPhotos.scan(data.labelled).personCount();
        assertEquals(labelledPeople, db.personCount(), "sample1's people are in both folders");
        assertTrue(r.out().contains(": " + (labelledPeople - 3) + " new people, 3 already enrolled got more samples"),
                r.out());
    }

    @Test
    @DisplayName("files that are not images and photos without a face are skipped, each with its reason")
    void skippedFilesAreListedWithReasons() throws Exception {
        Path folder = dir.resolve("mixed");
        Files.createDirectories(folder);
        Files.copy(data.people.resolve("sample1-B.jpg"), folder.resolve("bob.jpg"));
        Files.writeString(folder.resolve("notes.txt"), "not a photo");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_3BYTE_BGR), "png",
                folder.resolve("blank.png").toFile());
        Cli r = Cli.run("enroll", folder.toString(), "-g", dir.resolve("g.fid").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("enrolled 1 of 2 photos"), r.out());
        assertTrue(r.out().contains("skipped 2"), r.out());
        assertTrue(r.out().contains("skipped blank.png: no face found"), r.out());
        assertTrue(r.out().contains("skipped notes.txt: not an image file"), r.out());
    }

    @Test
    @DisplayName("a gallery of another embedding model is refused (exit 2) and left unchanged")
    void refusesAnotherModelsGallery() throws Exception {
        Path gallery = dir.resolve("other.fid");
        InMemoryFaceDatabase other = new InMemoryFaceDatabaseProvider().create("some-other-model", 192);
        other.save(gallery);
        byte[] bytes = Files.readAllBytes(gallery);
        Cli r = Cli.run("enroll", data.people.toString(), "-g", gallery.toString());
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("some-other-model"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertArrayEquals(bytes, Files.readAllBytes(gallery));
    }

    @Test
    @DisplayName("a missing folder is an input error with one line and no gallery written")
    void missingFolder() {
        Path gallery = dir.resolve("g.fid");
        Cli r = Cli.run("enroll", dir.resolve("nope").toString(), "-g", gallery.toString());
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("faceid enroll: Not a folder"), r.err());
        assertFalse(Files.exists(gallery));
    }

    static FaceDatabase open(Path gallery) {
        return new InMemoryFaceDatabaseProvider().open(gallery);
    }
}
