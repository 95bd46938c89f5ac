package dev.faceid.cli;

import com.google.gson.GsonBuilder;
import dev.faceid.core.FaceId;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.error.ImageException;
import dev.faceid.api.error.NoFaceException;
import dev.faceid.cli.calibrate.Calibration;
import dev.faceid.cli.calibrate.DistributionPlot;
import dev.faceid.cli.FaceIdCommand.InputException;
import dev.faceid.cli.draw.Annotator;
import dev.faceid.cli.text.Messages;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faceid calibrate}: how good is a threshold on your own people, and which one to use. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"From photos of known people (a folder per person, or several), compute every same-person "
                + "and different-person distance; report the ROC, the equal error rate, the error rates at the "
                + "current threshold and the threshold for a target false-match rate; write a plot and JSON."})
final class CalibrateCommand implements Callable<Integer> {
    /** How many of the nearest different-person pairs are listed. */
    private static final int CLOSEST = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Labelled photos, as for enroll.")
    Path folder;

    @Option(names = "--target-fmr", paramLabel = "RATE", defaultValue = "0.001",
            description = "Largest acceptable false-match rate for the suggested threshold (default: "
                    + "${DEFAULT-VALUE}).")
    double targetFmr;

    @Option(names = "--plot", paramLabel = "PNG", defaultValue = "calibration.png",
            description = "Where to draw both distributions (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "calibration.json",
            description = "Where to write the numbers and the ROC (default: ${DEFAULT-VALUE}).")
    Path json;

    @Mixin
    MatchingOptions matching;

    @Mixin
    DetectionOptions detection;

    private record Sample(String person, Path file, Embedding embedding) {
    }

    /** Two photos of different people and their distance. */
    private record Pair(String a, String b, double distance) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LabelledPhotos labelled = LabelledPhotos.scan(folder);
        try (FaceId faceId = FaceId.builder().optDetectorOptions(detection.toOptions())
                .optMatcherOptions(matching.toOptions(1)).build()) {
            List<Sample> samples = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            labelled.ignored().forEach(f -> skipped.add(folder.relativize(f) + ": not an image file"));
            try (Progress progress = Progress.start(spec.commandLine().getErr(), "embedding",
                    labelled.photos().size())) {
                for (LabelledPhotos.Photo photo : labelled.photos()) {
                    try {
                        samples.add(new Sample(photo.person(), photo.file(),
                                faceId.embedLargestFace(faceId.read(photo.file()))));
                    } catch (NoFaceException | ImageException e) {
                        skipped.add(folder.relativize(photo.file()) + ": " + Messages.oneLine(e));
                    }
                    progress.step(folder.relativize(photo.file()).toString());
                }
            }
            List<Double> genuine = new ArrayList<>();
            List<Pair> impostor = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                for (int j = i + 1; j < samples.size(); j++) {
                    Sample a = samples.get(i);
                    Sample b = samples.get(j);
                    // The matcher's own distance, so the numbers are in the metric its threshold is in.
                    double d = faceId.matcher().verify(a.embedding(), b.embedding()).distance();
                    if (a.person().equals(b.person())) {
                        genuine.add(d);
                    } else {
                        impostor.add(new Pair(folder.relativize(a.file()).toString(),
                                folder.relativize(b.file()).toString(), d));
                    }
                }
            }
            impostor.sort(Comparator.comparingDouble(Pair::distance));
            if (genuine.isEmpty() || impostor.isEmpty()) {
                throw new InputException("Calibration needs at least two people and two usable photos of one of "
                        + "them; " + folder + " gave " + genuine.size() + " same-person and " + impostor.size()
                        + " different-person pairs");
            }
            Calibration c = new Calibration(genuine.stream().mapToDouble(Double::doubleValue).toArray(),
                    impostor.stream().mapToDouble(Pair::distance).toArray());
            // The nearest different-person pairs are where mislabelled photos, and look-alikes, show up.
            List<Pair> closest = impostor.subList(0, Math.min(CLOSEST, impostor.size()));
            double current = faceId.matcher().threshold();
            Calibration.Point now = c.at(current);
            Calibration.Point eer = c.equalErrorRate();
            Calibration.Point suggested = c.thresholdForFalseMatchRate(targetFmr);

            out.printf(Locale.ROOT, "%s: %d people, %d photos used, %d skipped; %d same-person and %d "
                            + "different-person pairs%n", folder, samples.stream().map(Sample::person).distinct()
                            .count(), samples.size(), skipped.size(), genuine.size(), impostor.size());
            skipped.forEach(s -> out.println("  skipped " + s));
            out.println("same person:      " + summary(c.genuine()));
            out.println("different people: " + summary(c.impostor()));
            out.println("closest different-person pairs:");
            closest.forEach(p -> out.printf(Locale.ROOT, "  %.3f  %s  %s%n", p.distance(), p.a(), p.b()));
            out.printf(Locale.ROOT, "current threshold %.3f: false-match rate %.4f, false-non-match rate %.4f%n",
                    current, now.falseMatchRate(), now.falseNonMatchRate());
            out.printf(Locale.ROOT, "equal error rate %.4f at threshold %.3f%n", eer.falseMatchRate(),
                    eer.threshold());
            out.printf(Locale.ROOT, "suggested threshold %.3f for a false-match rate <= %s: false-match rate %.4f, "
                            + "false-non-match rate %.4f%n", suggested.threshold(), targetFmr,
                    suggested.falseMatchRate(), suggested.falseNonMatchRate());

            Annotator.writePng(DistributionPlot.draw(c, List.of(
                    new DistributionPlot.Marker("current", current, Color.BLACK),
                    new DistributionPlot.Marker("suggested", suggested.threshold(), new Color(0, 90, 220)),
                    new DistributionPlot.Marker("EER", eer.threshold(), new Color(230, 140, 0)))), plot);
            writeJson(report(c, samples.size(), skipped, closest, current, now, eer, suggested));
            out.println("plot: " + plot);
            out.println("json: " + json);
        }
        return FaceIdCommand.OK;
    }

    private Map<String, Object> report(Calibration c, int photos, List<String> skipped, List<Pair> closest,
                                       double current, Calibration.Point now, Calibration.Point eer,
                                       Calibration.Point suggested) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", folder.toString());
        m.put("photos", photos);
        m.put("skipped", skipped);
        m.put("samePersonPairs", c.genuine().length);
        m.put("differentPersonPairs", c.impostor().length);
        m.put("samePersonDistances", c.genuine());
        m.put("differentPersonDistances", c.impostor());
        m.put("closestDifferentPersonPairs", closest);
        m.put("currentThreshold", current);
        m.put("atCurrentThreshold", now);
        m.put("equalErrorRate", Map.of("rate", eer.falseMatchRate(), "threshold", eer.threshold()));
        m.put("targetFalseMatchRate", targetFmr);
        m.put("suggestedThreshold", suggested.threshold());
        m.put("atSuggestedThreshold", suggested);
        m.put("roc", c.roc());
        m.put("plot", plot.toString());
        return m;
    }

    private void writeJson(Map<String, Object> report) {
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(report),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + json + ": " + e.getMessage(), e);
        }
    }

    private static String summary(double[] sorted) {
        return String.format(Locale.ROOT, "distance min %.3f, median %.3f, max %.3f (%d pairs)", sorted[0],
                sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
    }
}
