package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code faceid calibrate} on the generated labelled folder: two renderings of each face of sample1 and 2. */
class CalibrateCommandTest {
    static Path json;
    static Path plot;
    static Cli run;
    static JsonObject report;

    @BeforeAll
    static void calibrate() throws Exception {
        json = E2eData.ROOT.resolve("calibration.json");
        plot = E2eData.ROOT.resolve("calibration.png");
        run = Cli.run("calibrate", E2eData.get().labelled.toString(), "--json", json.toString(), "--plot",
                plot.toString());
        assertEquals(0, run.exitCode(), run.toString());
        report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    }

    @Test
    @DisplayName("the suggested threshold separates the set: every same-person pair below, every other pair above")
    void suggestedThresholdSeparatesTheSet() {
        double t = report.get("suggestedThreshold").getAsDouble();
        JsonArray same = report.getAsJsonArray("samePersonDistances");
        JsonArray different = report.getAsJsonArray("differentPersonDistances");
        long people = LabelledPhotos.scan(E2eData.get().labelled).personCount();
        assertEquals(people, same.size(), "one same-person pair per person");
        assertEquals(people * 2 * (people - 1) * 2 / 2, different.size(), "all pairs across people");
        same.forEach(d -> assertTrue(d.getAsDouble() < t, d + " >= " + t));
        different.forEach(d -> assertTrue(d.getAsDouble() >= t, d + " < " + t));
        JsonObject at = report.getAsJsonObject("atSuggestedThreshold");
        assertEquals(0, at.get("falseMatchRate").getAsDouble());
        assertEquals(0, at.get("falseNonMatchRate").getAsDouble());
    }

    @Test
    @DisplayName("the equal error rate, the rates at the current threshold and the ROC are reported")
    void reportsEerAndRates() {
        JsonObject eer = report.getAsJsonObject("equalErrorRate");
        assertEquals(0, eer.get("rate").getAsDouble(), "a separable set has no equal error");
        assertEquals(0.4, report.get("currentThreshold").getAsDouble(), 1e-9);
        assertTrue(report.getAsJsonObject("atCurrentThreshold").has("falseMatchRate"));
        assertTrue(report.getAsJsonArray("roc").size() > 2);
        assertTrue(run.out().contains("equal error rate 0.0000 at threshold"), run.out());
        assertTrue(run.out().contains("current threshold 0.400: false-match rate 0.0000, false-non-match rate "
                + "0.0000"), run.out());
    }

    @Test
    @DisplayName("the plot of both distributions is written as a PNG")
    void writesThePlot() throws Exception {
        BufferedImage png = ImageIO.read(plot.toFile());
        assertEquals(960, png.getWidth());
        assertEquals(540, png.getHeight());
    }

    @Test
    @DisplayName("a folder with one photo per person has no same-person pair: exit 2 with the reason")
    void needsSamePersonPairs() {
        Cli r = Cli.run("calibrate", E2eData.get().people.toString(), "--json",
                E2eData.ROOT.resolve("unused.json").toString(), "--plot",
                E2eData.ROOT.resolve("unused.png").toString());
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("0 same-person"), r.err());
    }
}
