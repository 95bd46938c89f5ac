package dev.faceid.cli;

import dev.faceid.api.error.ConfigurationException;
import dev.faceid.api.error.EmbeddingMismatchException;
import dev.faceid.api.error.GalleryException;
import dev.faceid.api.error.ImageException;
import dev.faceid.api.error.NoFaceException;
import dev.faceid.cli.text.Messages;
import dev.faceid.cli.video.VideoException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code faceid}: enrolment, identification, verification, video and threshold calibration from the shell, each
 * subcommand a short program over the public API.
 */
@Command(name = "faceid", mixinStandardHelpOptions = true, version = "faceid 0.1.0-SNAPSHOT",
        description = "Face identification: enrol people, identify and verify faces in photos and videos, "
                + "calibrate the threshold.",
        subcommands = {EnrollCommand.class, IdentifyCommand.class, VerifyCommand.class, VideoCommand.class,
                CalibrateCommand.class, GalleryCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success (verify: either answer)",
                "  1  usage error: unknown option, missing or invalid argument",
                "  2  input error: unreadable image or video, missing file, bad gallery",
                "  3  model or backend error: no provider, natives, inference",
                "  4  no face found (verify)"})
public final class FaceIdCommand implements Runnable {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INPUT = 2;
    public static final int BACKEND = 3;
    public static final int NO_FACE = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure print the stack trace; also show the library's log.")
    boolean verbose;

    public static void main(String[] args) {
        // The library logs at info; a command's own output is what users read unless they ask for more.
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (!verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            // DJL warns on every start of a CPU-only ONNX Runtime that CUDA is missing; the backend is CPU by design.
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine", "error");
        }
        // JavaCPP's notices (options a demuxer ignores) go through the same log instead of straight to stderr.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        System.exit(execute(System.out, System.err, args));
    }

    /** Without a subcommand there is nothing to do: a usage error that points at the list of subcommands. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Runs one command line as {@code faceid args...} would, writing to the given streams; returns the exit code. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new FaceIdCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        showExitCodes(cli, cli.getCommandSpec().usageMessage());
        cli.setParameterExceptionHandler((e, badArgs) -> {
            CommandLine where = e.getCommandLine();
            // Picocli's messages are complete sentences; the exception's class name would only add noise.
            err.println(where.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                    + "  (" + where.getCommandSpec().qualifiedName() + " --help for usage)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            FaceIdCommand root = parsed.asCommandLineList().get(0).getCommand();
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + Messages.oneLine(e)
                    + (root.verbose ? "" : "  (--verbose for details)"));
            return exitCode(e);
        });
        return cli.execute(args);
    }

    /** Every command's --help ends with the exit codes, as the top-level one does. */
    private static void showExitCodes(CommandLine command, CommandLine.Model.UsageMessageSpec root) {
        command.getCommandSpec().usageMessage().footerHeading(root.footerHeading()).footer(root.footer());
        command.getSubcommands().values().forEach(sub -> showExitCodes(sub, root));
    }

    /** {@code file}, if it exists: checked before the models load, so a typo fails at once. */
    static Path existingGallery(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("No gallery file " + file);
        }
        return file;
    }

    /** The documented exit code for a failure. */
    static int exitCode(Throwable e) {
        if (e instanceof NoFaceException) {
            return NO_FACE;
        }
        if (e instanceof ConfigurationException) {
            return USAGE;
        }
        if (e instanceof ImageException || e instanceof GalleryException || e instanceof EmbeddingMismatchException
                || e instanceof IOException || e instanceof UncheckedIOException || e instanceof InputException
                || e instanceof VideoException) {
            return INPUT;
        }
        return BACKEND;
    }

    /** A problem with what the user gave: a missing file, an empty folder, an unreadable video. Exit code 2. */
    public static final class InputException extends RuntimeException {
        public InputException(String message) {
            super(message);
        }

        public InputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
