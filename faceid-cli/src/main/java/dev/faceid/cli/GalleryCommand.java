package dev.faceid.cli;

import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.core.gallery.InMemoryFaceDatabase;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import dev.faceid.cli.FaceIdCommand.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code faceid gallery}: look into and edit a gallery file. Opens the file with the gallery provider alone, so no
 * model is loaded and the commands are instant.
 */
@Command(name = "gallery", mixinStandardHelpOptions = true, description = "Manage a gallery file.")
final class GalleryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Inherited, so it may come before or after the subcommand: {@code gallery -g f list} or {@code list -g f}. */
    @Option(names = {"-g", "--gallery"}, required = true, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The gallery file.")
    Path file;

    /** Without a subcommand there is nothing to do: a usage error that points at the list of subcommands. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Enrolled people and their samples.")
    int list() {
        FaceDatabase db = open();
        PrintWriter out = spec.commandLine().getOut();
        for (String person : db.persons()) {
            out.printf(Locale.ROOT, "%-30s %d samples%n", person, db.samples(person).size());
        }
        out.printf(Locale.ROOT, "%d people, %d samples%n", db.personCount(), db.sampleCount());
        return FaceIdCommand.OK;
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "The file's model, size and counts.")
    int info() throws IOException {
        FaceDatabase db = open();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "file:      %s (%,d bytes)%n", file, Files.size(file));
        out.printf(Locale.ROOT, "model:     %s, %d dimensions%n", db.modelId(), db.dimension());
        out.printf(Locale.ROOT, "people:    %d%n", db.personCount());
        out.printf(Locale.ROOT, "samples:   %d%n", db.sampleCount());
        return FaceIdCommand.OK;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove people and all their samples.")
    int remove(@Parameters(arity = "1..*", paramLabel = "PERSON") List<String> persons) {
        InMemoryFaceDatabase db = open();
        for (String person : persons) {
            if (!db.persons().contains(person)) {
                // Checked before anything is removed, so a typo leaves the file untouched.
                throw new InputException("No person '" + person + "' in " + file + "; nothing removed");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String person : persons) {
            out.printf(Locale.ROOT, "removed %s (%d samples)%n", person, db.removePerson(person));
        }
        db.save(file);
        out.printf(Locale.ROOT, "gallery %s: %d people, %d samples%n", file, db.personCount(), db.sampleCount());
        return FaceIdCommand.OK;
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a person, keeping the samples.")
    int rename(@Parameters(index = "0", paramLabel = "FROM") String from,
               @Parameters(index = "1", paramLabel = "TO") String to) {
        InMemoryFaceDatabase db = open();
        try {
            db.rename(from, to);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage() + " (in " + file + ")", e);
        }
        db.save(file);
        spec.commandLine().getOut().printf(Locale.ROOT, "renamed %s to %s in %s%n", from, to, file);
        return FaceIdCommand.OK;
    }

    /** Gallery files are the in-memory gallery's persistence, so the commands on them open that gallery. */
    private InMemoryFaceDatabase open() {
        return new InMemoryFaceDatabaseProvider().open(FaceIdCommand.existingGallery(file));
    }
}
