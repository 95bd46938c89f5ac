package dev.faceid.cli;

import dev.faceid.core.FaceId;
import dev.faceid.api.error.ImageException;
import dev.faceid.api.error.NoFaceException;
import dev.faceid.cli.FaceIdCommand.InputException;
import dev.faceid.cli.text.Messages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faceid enroll}: the largest face of every photo of a folder becomes a sample of the person it shows. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enrol the people of a folder into a gallery file, creating it or adding to it.",
                "Layouts: a photo per person named after them (ada.jpg), or a folder per person (ada/1.jpg); "
                        + "the largest face of each photo is enrolled. Samples already in the gallery are kept "
                        + "as they are, not embedded again."})
final class EnrollCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The labelled photos.")
    Path folder;

    @Option(names = {"-g", "--gallery"}, required = true, paramLabel = "FILE",
            description = "Gallery file to create or add to, e.g. people.fid.")
    Path gallery;

    @Mixin
    DetectionOptions detection;

    private record Skipped(Path file, String why) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LabelledPhotos labelled = LabelledPhotos.scan(folder);
        FaceId.Builder builder = FaceId.builder().optDetectorOptions(detection.toOptions());
        if (Files.exists(gallery)) {
            // Opening checks the file's model against the embedder's and refuses another model's gallery.
            builder.optGallery(gallery);
        }
        try (FaceId faceId = builder.build()) {
            Set<String> before = new HashSet<>(faceId.gallery().persons());
            int samplesBefore = faceId.gallery().sampleCount();
            List<Skipped> skipped = new ArrayList<>();
            labelled.ignored().forEach(f -> skipped.add(new Skipped(f, "not an image file")));
            try (Progress progress = Progress.start(spec.commandLine().getErr(), "enrolling",
                    labelled.photos().size())) {
                for (LabelledPhotos.Photo photo : labelled.photos()) {
                    try {
                        faceId.enroll(photo.person(), faceId.read(photo.file()));
                    } catch (NoFaceException e) {
                        skipped.add(new Skipped(photo.file(), "no face found"));
                    } catch (ImageException e) {
                        skipped.add(new Skipped(photo.file(), Messages.oneLine(e)));
                    }
                    progress.step(folder.relativize(photo.file()).toString());
                }
            }
            int enrolled = faceId.gallery().sampleCount() - samplesBefore;
            List<String> added = faceId.gallery().persons().stream().filter(p -> !before.contains(p)).toList();
            out.printf(Locale.ROOT, "enrolled %d of %d photos: %d new people, %d already enrolled got more samples; "
                            + "skipped %d%n",
                    enrolled, labelled.photos().size(), added.size(),
                    labelled.photos().stream().map(LabelledPhotos.Photo::person).distinct()
                            .filter(before::contains).count(), skipped.size());
            for (Skipped s : skipped) {
                out.println("  skipped " + folder.relativize(s.file()) + ": " + s.why());
            }
            if (enrolled == 0) {
                throw new InputException("Nothing enrolled from " + folder + "; " + gallery + " left as it was");
            }
            faceId.saveGallery(gallery);
            out.printf(Locale.ROOT, "gallery %s: %d people, %d samples, model %s%n", gallery,
                    faceId.gallery().personCount(), faceId.gallery().sampleCount(), faceId.gallery().modelId());
        }
        return FaceIdCommand.OK;
    }
}
