package dev.faceid.cli.text;

import java.io.UncheckedIOException;

/** Turns failures into the one line a user reads. Stateless. */
public final class Messages {
    private Messages() {
    }

    /** The most useful message of {@code e} and its causes, on one line. */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        String message = t.getMessage();
        // Wrappers such as UncheckedIOException repeat their cause; the innermost useful message is clearest.
        while ((message == null || message.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            message = t.getMessage();
        }
        boolean selfExplaining = t.getClass().getName().startsWith("dev.faceid") || t instanceof UncheckedIOException
                || t instanceof IllegalStateException || t instanceof IllegalArgumentException;
        String text = message == null || message.isBlank() ? t.getClass().getSimpleName()
                : selfExplaining ? message : t.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
