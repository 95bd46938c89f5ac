package dev.faceid.core.gallery;

import dev.faceid.api.error.GalleryException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file replacement: write a temporary file beside the target, force it to disk, rename it over the
 * target, then force the directory so the rename itself is durable. Stateless and thread-safe.
 */
final class AtomicFiles {

    /** Wraps the stream the bytes go through; tests use it to cut a save short at a chosen offset. */
    interface StreamDecorator {
        OutputStream decorate(OutputStream out);
    }

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) {
        write(target, content, out -> out);
    }

    static void write(Path target, byte[] content, StreamDecorator decorator) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = decorator.decorate(Channels.newOutputStream(ch));
                out.write(content);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new GalleryException("Cannot replace " + target + " atomically on this file system", e);
            }
            tmp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw new GalleryException("Cannot write gallery " + target + ": " + e.getMessage()
                    + ". The previous file, if any, is unchanged.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The leftover temp file is harmless: loading never looks at it.
                }
            }
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a directory; the rename is still atomic, only its durability on
            // power loss is then up to the OS.
        }
    }
}
