package dev.faceid.cli;

import dev.faceid.cli.FaceIdCommand.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The photos of a folder and who is in each, in either layout: a photo per person named after them
 * ({@code ada.jpg}), or a folder per person ({@code ada/1.jpg, ada/2.jpg}); both may be mixed. Files that are not
 * images are listed apart, so callers can report them as skipped.
 */
record LabelledPhotos(List<Photo> photos, List<Path> ignored) {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff");

    record Photo(String person, Path file) {
    }

    static LabelledPhotos scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InputException("Not a folder: " + folder);
        }
        List<Photo> photos = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        for (Path entry : sortedEntries(folder)) {
            if (Files.isDirectory(entry)) {
                for (Path file : sortedEntries(entry)) {
                    sort(entry.getFileName().toString(), file, photos, ignored);
                }
            } else {
                sort(stem(entry), entry, photos, ignored);
            }
        }
        return new LabelledPhotos(photos, ignored);
    }

    long personCount() {
        return photos.stream().map(Photo::person).distinct().count();
    }

    private static void sort(String person, Path file, List<Photo> photos, List<Path> ignored) {
        if (Files.isRegularFile(file) && IMAGE_EXTENSIONS.contains(extension(file))) {
            photos.add(new Photo(person, file));
        } else {
            ignored.add(file);
        }
    }

    private static List<Path> sortedEntries(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new InputException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
