package dev.faceid.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Alters the weights of a model file in place while keeping it loadable, so that a test can prove a backend notices
 * a network that computes something else. Stateless.
 */
public final class WeightEdits {
    /** How many bytes are overwritten: enough floats that a network's output moves far past any tolerance. */
    private static final int SPAN = 4096;

    private WeightEdits() {
    }

    /** Alters a model file of either format, chosen by its extension ({@code .onnx} or {@code .pt}). */
    public static void alter(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".onnx")) {
            onnx(file);
        } else if (name.endsWith(".pt")) {
            torchScript(file);
        } else {
            throw new IOException("Not an .onnx or .pt model file: " + file);
        }
    }

    /**
     * An ONNX file: its weights are raw float bytes filling most of the protobuf, so the middle of the file is
     * overwritten with the floats 0.5, -0.5, ... (no length or tag is touched in the bundled networks).
     */
    public static void onnx(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        overwrite(bytes, bytes.length / 2 - SPAN / 2);
        Files.write(file, bytes);
    }

    /**
     * A TorchScript archive: a zip whose {@code data/N} entries are the stored tensors. The largest is overwritten
     * in place and its CRC-32 patched in the local and central headers, so the archive stays valid.
     */
    public static void torchScript(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] data;
        long oldCrc;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry largest = null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (z.getName().contains("/data/") && z.getMethod() == ZipEntry.STORED
                        && (largest == null || z.getSize() > largest.getSize())) {
                    largest = z;
                }
            }
            if (largest == null || largest.getSize() < SPAN * 2L) {
                throw new IOException("No stored tensor large enough in " + file);
            }
            data = zip.getInputStream(largest).readAllBytes();
            oldCrc = largest.getCrc();
        }
        int start = indexOf(bytes, Arrays.copyOf(data, 64));
        if (start < 0) {
            throw new IOException("Cannot locate the tensor's bytes in " + file);
        }
        overwrite(bytes, start + data.length / 2 - SPAN / 2);
        CRC32 crc = new CRC32();
        crc.update(bytes, start, data.length);
        byte[] before = le32(oldCrc);
        byte[] after = le32(crc.getValue());
        for (int i = indexOf(bytes, before); i >= 0; i = indexOf(bytes, before)) {
            System.arraycopy(after, 0, bytes, i, 4);
        }
        Files.write(file, bytes);
    }

    private static void overwrite(byte[] bytes, int from) {
        ByteBuffer b = ByteBuffer.wrap(bytes, from, SPAN).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; b.remaining() >= 4; i++) {
            b.putFloat(i % 2 == 0 ? 0.5f : -0.5f);
        }
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
