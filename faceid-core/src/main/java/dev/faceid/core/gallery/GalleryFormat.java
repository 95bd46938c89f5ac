package dev.faceid.core.gallery;

import dev.faceid.api.error.GalleryException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The gallery file format, version 1. All numbers big-endian.
 *
 * <pre>
 * magic        4 bytes   "FIDG"
 * version      u16       1
 * flags        u16       0 (reserved)
 * model id     u16 n, then n bytes UTF-8
 * dimension    u32
 * next id      u64       the id the next enrolled sample gets
 * persons      u32 p, then p times: u16 n, n bytes UTF-8
 * samples      u32 s, then s times: u64 id, u32 person index, dimension x f32 (unit length)
 * checksum     u32       CRC-32C of every byte before it
 * </pre>
 *
 * <p>The checksum is verified before anything is parsed, so a truncated or bit-flipped file is rejected as a whole.
 * Stateless and thread-safe.
 */
final class GalleryFormat {
    static final int MAGIC = 0x46494447; // "FIDG"
    static final int VERSION = 1;
    /** Far beyond any real gallery; guards the allocation when a header is damaged in a way the CRC missed. */
    private static final long MAX_FLOATS = 1L << 31;

    private GalleryFormat() {
    }

    static byte[] encode(GallerySnapshot s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + s.count() * (12 + 4 * s.dimension()));
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeShort(0);
            writeString(out, s.modelId());
            out.writeInt(s.dimension());
            out.writeLong(s.nextId());
            out.writeInt(s.personCount());
            for (int p = 0; p < s.personCount(); p++) {
                writeString(out, s.persons()[p]);
            }
            out.writeInt(s.count());
            int d = s.dimension();
            for (int i = 0; i < s.count(); i++) {
                out.writeLong(s.ids()[i]);
                out.writeInt(s.personOf()[i]);
                for (int j = 0; j < d; j++) {
                    out.writeFloat(s.vectors()[i * d + j]);
                }
            }
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError("in-memory stream", e);
        }
    }

    static GallerySnapshot decode(byte[] b, String source) {
        if (b.length < 8) {
            throw new GalleryException("Not a faceid gallery (only " + b.length + " bytes): " + source);
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        if (buf.getInt() != MAGIC) {
            throw new GalleryException("Not a faceid gallery (wrong magic number): " + source);
        }
        int version = Short.toUnsignedInt(buf.getShort());
        if (version > VERSION) {
            throw new GalleryException("Gallery " + source + " has format version " + version
                    + ", newer than this faceid reads (" + VERSION + "). Upgrade faceid to open it.");
        }
        if (version < 1) {
            throw new GalleryException("Gallery " + source + " has an invalid format version " + version);
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        int stored = ByteBuffer.wrap(b, b.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new GalleryException("Gallery " + source + " is damaged or truncated (checksum mismatch); "
                    + "restore it from a backup or re-enrol.");
        }
        try {
            buf.getShort(); // flags, reserved
            String model = readString(buf);
            int dim = buf.getInt();
            long nextId = buf.getLong();
            int personCount = buf.getInt();
            if (dim < 1 || personCount < 0 || personCount > buf.remaining() / 2) {
                throw new GalleryException("Gallery " + source + " has an invalid header");
            }
            String[] persons = new String[personCount];
            for (int i = 0; i < personCount; i++) {
                persons[i] = readString(buf);
            }
            int count = buf.getInt();
            if (count < 0 || (long) count * dim > MAX_FLOATS
                    || (long) count * (12 + 4L * dim) != buf.remaining() - 4) {
                throw new GalleryException("Gallery " + source + " has an invalid sample count " + count);
            }
            long[] ids = new long[count];
            int[] personOf = new int[count];
            float[] vectors = new float[count * dim];
            for (int i = 0; i < count; i++) {
                ids[i] = buf.getLong();
                personOf[i] = buf.getInt();
                if (personOf[i] < 0 || personOf[i] >= personCount) {
                    throw new GalleryException("Gallery " + source + " has a sample of an unknown person");
                }
                for (int j = 0; j < dim; j++) {
                    vectors[i * dim + j] = buf.getFloat();
                }
            }
            return new GallerySnapshot(model, dim, vectors, null, ids, personOf, persons, personCount, count, nextId);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new GalleryException("Gallery " + source + " is malformed: " + e, e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new GalleryException("Name too long for a gallery file: " + s.substring(0, 40) + "...");
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer buf) {
        int n = Short.toUnsignedInt(buf.getShort());
        byte[] utf8 = new byte[n];
        buf.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
