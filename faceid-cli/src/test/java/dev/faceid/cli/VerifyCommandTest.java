package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceid verify} on two renderings of one face, on two people, and on a photo without a face. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("two renderings of one face are the same person, with the distance below the threshold")
    void samePerson() {
        Path person = E2eData.get().labelled.resolve("sample2-A");
        Cli r = Cli.run("verify", person.resolve("1.jpg").toString(), person.resolve("2.jpg").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("same person: distance 0."), r.out());
        assertTrue(r.out().contains("< threshold 0.400"), r.out());
    }

    @Test
    @DisplayName("two people are different people, with the distance at or above the threshold")
    void differentPeople() {
        Path people = E2eData.get().people;
        Cli r = Cli.run("verify", people.resolve("sample1-A.jpg").toString(),
                people.resolve("sample1-C.jpg").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("different people: distance "), r.out());
        assertTrue(r.out().contains(">= threshold 0.400"), r.out());
    }

    @Test
    @DisplayName("a photo without a face exits 4 with one line naming it")
    void noFace() throws Exception {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(160, 160, BufferedImage.TYPE_3BYTE_BGR), "png", blank.toFile());
        Cli r = Cli.run("verify", E2eData.get().people.resolve("sample1-A.jpg").toString(), blank.toString());
        assertEquals(FaceIdCommand.NO_FACE, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("No face found"), r.err());
    }
}
