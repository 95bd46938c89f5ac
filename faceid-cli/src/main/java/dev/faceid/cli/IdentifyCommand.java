package dev.faceid.cli;

import com.google.gson.GsonBuilder;
import dev.faceid.core.FaceId;
import dev.faceid.core.Identification;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.match.MatchResult;
import dev.faceid.cli.draw.Annotator;
import dev.faceid.cli.text.IdentificationTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code faceid identify}: who is in each photo, as a table or JSON, optionally drawn. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Find every face in the images and name it from the gallery, or call it unknown.")
final class IdentifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Photos to search.")
    List<Path> images;

    @Option(names = {"-g", "--gallery"}, required = true, paramLabel = "FILE", description = "The gallery file.")
    Path gallery;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--annotate", paramLabel = "PNG",
            description = "Draw boxes, names with confidence (1 - distance) and, for unknown faces, the detection "
                    + "score. With several images, a folder that receives one <image>.png each.")
    Path annotate;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "3",
            description = "How many nearest people to report per face (default: ${DEFAULT-VALUE}).")
    int topK;

    @Mixin
    MatchingOptions matching;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> report = new ArrayList<>();
        try (FaceId faceId = FaceId.builder().optGallery(FaceIdCommand.existingGallery(gallery))
                .optDetectorOptions(detection.toOptions())
                .optMatcherOptions(matching.toOptions(topK)).build()) {
            for (Path file : images) {
                FaceImage image = faceId.read(file);
                List<Identification> ids = IdentificationTable.leftToRight(faceId.identify(image));
                report.add(entry(file, image, ids));
                if (!json) {
                    long known = ids.stream().filter(i -> i.match().isKnown()).count();
                    out.printf(Locale.ROOT, "%s (%dx%d): %d faces, %d recognised, %d unknown%n", file,
                            image.width(), image.height(), ids.size(), known, ids.size() - known);
                    out.print(IdentificationTable.format(ids, topK));
                    out.println();
                }
                if (annotate != null) {
                    Path png = images.size() == 1 ? annotate
                            : annotate.resolve(file.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png");
                    Annotator.writePng(Annotator.annotate(image, ids), png);
                    if (!json) {
                        out.println("annotated image: " + png);
                    }
                }
            }
            if (json) {
                out.print(new GsonBuilder().setPrettyPrinting().serializeNulls().create()
                        .toJson(report));
                out.println();
            } else {
                out.printf(Locale.ROOT, "threshold: cosine distance < %.2f; gallery %s: %d people%n",
                        faceId.matcher().threshold(), gallery, faceId.gallery().personCount());
            }
        }
        return FaceIdCommand.OK;
    }

    private static Map<String, Object> entry(Path file, FaceImage image, List<Identification> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", file.toString());
        m.put("width", image.width());
        m.put("height", image.height());
        m.put("faces", ids.stream().map(IdentifyCommand::face).toList());
        return m;
    }

    private static Map<String, Object> face(Identification id) {
        BoundingBox b = id.face().box();
        MatchResult r = id.match();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("box", List.of(b.x1(), b.y1(), b.x2(), b.y2()));
        m.put("detectionScore", id.face().score());
        m.put("decision", r.decision().name());
        m.put("person", r.person().orElse(null));
        m.put("distance", Double.isFinite(r.distance()) ? r.distance() : null);
        m.put("confidence", r.confidence());
        m.put("threshold", r.threshold());
        m.put("candidates", r.candidates().stream()
                .map(c -> Map.of("person", c.person(), "distance", c.distance())).toList());
        return m;
    }
}
