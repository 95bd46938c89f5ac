package dev.faceid.examples;

import dev.faceid.api.match.MatchResult;
import dev.faceid.core.FaceId;
import dev.faceid.core.Identification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Enrols the largest face of every photo in a folder under the photo's name, then names the faces of another photo.
 *
 * <pre>java dev.faceid.examples.EnrolFolderAndIdentify people/ party.jpg</pre>
 */
public final class EnrolFolderAndIdentify {
    private EnrolFolderAndIdentify() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Path photo = Path.of(args[1]);
        try (FaceId faceId = FaceId.builder().build(); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String person = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                faceId.enroll(person, faceId.read(file));
                System.out.println("enrolled " + person);
            }
            List<Identification> faces = faceId.identify(faceId.read(photo));
            for (Identification id : faces) {
                MatchResult m = id.match();
                System.out.printf("%s at %s, confidence %.2f%n", m.label(), id.face().box(), m.confidence());
            }
        }
    }
}
