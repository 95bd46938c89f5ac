package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.faceid.samples.SamplePhotos;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code faceid identify} against a gallery of the three people of sample1.jpg, enrolled from their crops. */
class IdentifyCommandTest {
    static Path gallery;
    static Path sample1;
    static Path sample5;

    @BeforeAll
    static void enrol() {
        E2eData data = E2eData.get();
        gallery = E2eData.ROOT.resolve("identify-gallery.fid");
        assertEquals(0, Cli.run("enroll", data.people.toString(), "-g", gallery.toString()).exitCode());
        sample1 = SamplePhotos.get("sample1.jpg");
        sample5 = SamplePhotos.get("sample5.jpg");
    }

    @Test
    @DisplayName("--json names the three enrolled people in the whole photo, left to right, and no one in sample5")
    void jsonNamesKnownPeopleAndNoStranger() {
        Cli r = Cli.run("identify", sample1.toString(), sample5.toString(), "-g", gallery.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonArray images = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, images.size());
        assertEquals(E2eData.KNOWN, named(images.get(0).getAsJsonObject()));
        JsonObject strangers = images.get(1).getAsJsonObject();
        assertTrue(strangers.getAsJsonArray("faces").size() >= 4, r.out());
        assertEquals(List.of(), named(strangers));
        for (JsonElement f : strangers.getAsJsonArray("faces")) {
            assertEquals("UNKNOWN", f.getAsJsonObject().get("decision").getAsString());
        }
    }

    @Test
    @DisplayName("--annotate writes a PNG of the photo's size; the table shows each name with its confidence")
    void annotatesAndPrintsTable() throws Exception {
        Path png = E2eData.ROOT.resolve("identify-annotated.png");
        Cli r = Cli.run("identify", sample1.toString(), "-g", gallery.toString(), "--annotate", png.toString());
        assertEquals(0, r.exitCode(), r.toString());
        BufferedImage drawn = ImageIO.read(png.toFile());
        assertEquals(1920, drawn.getWidth());
        assertEquals(1280, drawn.getHeight());
        assertTrue(r.out().contains("3 recognised"), r.out());
        for (String person : E2eData.KNOWN) {
            assertTrue(r.out().contains(person), r.out());
        }
        assertTrue(r.out().contains("annotated image: " + png), r.out());
    }

    @Test
    @DisplayName("--threshold tightens the decision (below every face's distance it names nobody) and --top-k bounds "
            + "the candidates")
    void thresholdAndTopK() {
        double nearest = Double.MAX_VALUE;
        Cli plain = Cli.run("identify", sample1.toString(), "-g", gallery.toString(), "--json");
        for (JsonElement f : faces(plain)) {
            nearest = Math.min(nearest, f.getAsJsonObject().get("distance").getAsDouble());
        }
        String threshold = String.valueOf(nearest / 2);
        Cli r = Cli.run("identify", sample1.toString(), "-g", gallery.toString(), "--json", "--threshold", threshold,
                "--top-k", "2");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of(), named(JsonParser.parseString(r.out()).getAsJsonArray().get(0).getAsJsonObject()));
        for (JsonElement f : faces(r)) {
            assertEquals(2, f.getAsJsonObject().getAsJsonArray("candidates").size());
            assertEquals(nearest / 2, f.getAsJsonObject().get("threshold").getAsDouble(), 1e-9);
        }
    }

    private static Iterable<JsonElement> faces(Cli run) {
        assertEquals(0, run.exitCode(), run.toString());
        return JsonParser.parseString(run.out()).getAsJsonArray().get(0).getAsJsonObject().getAsJsonArray("faces");
    }

    @Test
    @DisplayName("an unreadable image is exit 2 with one line; a bad option is exit 1")
    void errors() {
        Cli missing = Cli.run("identify", "no-such.jpg", "-g", gallery.toString());
        assertEquals(FaceIdCommand.INPUT, missing.exitCode(), missing.toString());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        Cli usage = Cli.run("identify", sample1.toString(), "-g", gallery.toString(), "--top-k", "many");
        assertEquals(FaceIdCommand.USAGE, usage.exitCode(), usage.toString());
    }

    private static List<String> named(JsonObject image) {
        List<String> names = new ArrayList<>();
        for (JsonElement f : image.getAsJsonArray("faces")) {
            JsonElement person = f.getAsJsonObject().get("person");
            if (person != null && !person.isJsonNull()) {
                names.add(person.getAsString());
            }
        }
        return names;
    }
}
