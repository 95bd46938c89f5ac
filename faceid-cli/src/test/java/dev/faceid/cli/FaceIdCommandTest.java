package dev.faceid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every command shares: help, usage errors and exit codes. */
class FaceIdCommandTest {
    @ParameterizedTest(name = "faceid {0} --help")
    @ValueSource(strings = {"", "enroll", "identify", "verify", "video", "calibrate", "gallery", "gallery list",
            "gallery info", "gallery remove", "gallery rename"})
    @DisplayName("--help on every command prints its usage and the exit codes, and exits 0")
    void helpEverywhere(String command) {
        String[] args = (command + " --help").strip().split(" ");
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Usage: faceid " + command), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }

    @Test
    @DisplayName("the top-level help documents the exit codes")
    void exitCodesDocumented() {
        String help = Cli.run("--help").out();
        assertTrue(help.contains("Exit codes:"), help);
        for (int code = 0; code <= 4; code++) {
            assertTrue(help.contains("  " + code + "  "), help);
        }
    }

    @Test
    @DisplayName("an unknown option is a usage error: exit 1 and one line pointing at --help")
    void unknownOption() {
        Cli r = Cli.run("identify", "x.jpg", "-g", "g.fid", "--frobnicate");
        assertEquals(FaceIdCommand.USAGE, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("faceid identify --help"), r.err());
    }

    @ParameterizedTest(name = "faceid {0}")
    @ValueSource(strings = {"", "gallery -g g.fid"})
    @DisplayName("a command that needs a subcommand and gets none is a usage error: exit 1")
    void missingSubcommand(String command) {
        Cli r = Cli.run(command.isEmpty() ? new String[0] : command.split(" "));
        assertEquals(FaceIdCommand.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Missing subcommand"), r.err());
    }

    @Test
    @DisplayName("--verbose adds the stack trace to the one-line error")
    void verboseShowsStackTrace() {
        Cli r = Cli.run("--verbose", "gallery", "info", "-g", "no-such.fid");
        assertEquals(FaceIdCommand.INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("\tat dev.faceid.cli.GalleryCommand"), r.err());
    }
}
