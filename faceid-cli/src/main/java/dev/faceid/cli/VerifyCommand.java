package dev.faceid.cli;

import dev.faceid.core.FaceId;
import dev.faceid.api.match.Verification;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faceid verify}: are the largest faces of two photos the same person? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare the largest face of two photos: same person or not, with the distance and the "
                + "threshold.", "Exits 0 with either answer, 4 if a photo has no face."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "First photo.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Second photo.")
    Path b;

    @Mixin
    MatchingOptions matching;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() {
        try (FaceId faceId = FaceId.builder().optDetectorOptions(detection.toOptions())
                .optMatcherOptions(matching.toOptions(1)).build()) {
            Verification v = faceId.verify(faceId.read(a), faceId.read(b));
            spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                    "%s: distance %.3f %s threshold %.3f (confidence %.2f)%n",
                    v.samePerson() ? "same person" : "different people", v.distance(),
                    v.samePerson() ? "<" : ">=", v.threshold(), v.confidence());
        }
        return FaceIdCommand.OK;
    }
}
