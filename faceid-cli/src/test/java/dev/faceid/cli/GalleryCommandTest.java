package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceid gallery list|info|rename|remove} on a gallery of the three people of sample1.jpg. */
class GalleryCommandTest {
    @TempDir
    Path dir;
    Path gallery;

    @BeforeEach
    void enrol() {
        gallery = dir.resolve("g.fid");
        assertEquals(0, Cli.run("enroll", E2eData.get().people.toString(), "-g", gallery.toString()).exitCode());
    }

    @Test
    @DisplayName("list shows every person with their sample count; info shows the model and the counts")
    void listAndInfo() {
        Cli list = Cli.run("gallery", "list", "-g", gallery.toString());
        assertEquals(0, list.exitCode(), list.toString());
        for (String p : E2eData.KNOWN) {
            assertTrue(list.out().contains(p + " ".repeat(31 - p.length()) + "1 samples"), list.out());
        }
        assertTrue(list.out().contains("3 people, 3 samples"), list.out());
        Cli info = Cli.run("gallery", "-g", gallery.toString(), "info");
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("model:     mobilefacenet"), info.out());
        assertTrue(info.out().contains("people:    3"), info.out());
    }

    @Test
    @DisplayName("rename and remove change the file; the change is there when it is opened again")
    void renameAndRemove() {
        assertEquals(0, Cli.run("gallery", "rename", "-g", gallery.toString(), "sample1-A", "ada").exitCode());
        assertEquals(0, Cli.run("gallery", "remove", "-g", gallery.toString(), "sample1-B").exitCode());
        assertEquals(List.of("ada", "sample1-C"), EnrollCommandTest.open(gallery).persons());
    }

    @Test
    @DisplayName("removing someone not enrolled is exit 2 and leaves the file byte for byte as it was")
    void removeUnknownLeavesFile() throws Exception {
        byte[] before = Files.readAllBytes(gallery);
        Cli r = Cli.run("gallery", "remove", "-g", gallery.toString(), "sample1-A", "nobody");
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("No person 'nobody'"), r.err());
        assertArrayEquals(before, Files.readAllBytes(gallery));
    }

    @Test
    @DisplayName("a damaged gallery file is exit 2 with one line")
    void damagedFile() throws Exception {
        byte[] bytes = Files.readAllBytes(gallery);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(gallery, bytes);
        Cli r = Cli.run("gallery", "info", "-g", gallery.toString());
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
