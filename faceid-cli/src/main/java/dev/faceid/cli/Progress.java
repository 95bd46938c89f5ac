package dev.faceid.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar on one line of standard error, redrawn in place with {@code \r}: counts, percentage and estimated
 * time left. Drawn only on a terminal, so logs and pipes stay clean; callers print their own summary either way.
 * Not thread-safe.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long done;

    private Progress(PrintWriter err, String task, long total, boolean enabled) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.enabled = enabled;
    }

    /** A bar for {@code total} steps, or a silent one when standard error is not a terminal. */
    static Progress start(PrintWriter err, String task, long total) {
        return new Progress(err, task, total, System.console() != null);
    }

    /** One more step done; {@code item} names what comes next or what was just done. */
    void step(String item) {
        done++;
        if (!enabled) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        int filled = total > 0 ? (int) (WIDTH * Math.min(done, total) / total) : WIDTH;
        String eta = total > 0 && done < total
                ? "ETA " + clock(Duration.ofNanos(elapsed / done * (total - done))) : clock(Duration.ofNanos(elapsed));
        String line = String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %3d%% %s  %s", task, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total, total > 0 ? 100 * done / total : 100, eta, item);
        // Pad so a shorter line fully covers the previous one.
        err.print(line.length() < 110 ? line + " ".repeat(110 - line.length()) : line.substring(0, 110));
        err.flush();
    }

    @Override
    public void close() {
        if (enabled) {
            err.println();
        }
    }

    private static String clock(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
