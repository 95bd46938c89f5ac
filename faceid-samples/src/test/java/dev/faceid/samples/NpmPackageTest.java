package dev.faceid.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar reader and cache naming of {@link NpmPackage}, on archives made here (no network). */
class NpmPackageTest {
    @TempDir
    Path dir;

    @Test
    void foldersAreNamedAfterTheSpec() {
        assertEquals("vladmandic-face-api-1.7.15", NpmPackage.folderName("@vladmandic/face-api@1.7.15"));
        assertEquals("left-pad-1.3.0", NpmPackage.folderName("left-pad@1.3.0"));
        assertThrows(IllegalArgumentException.class, () -> NpmPackage.folderName("@/.."));
        assertThrows(IllegalArgumentException.class, () -> NpmPackage.folderName("left-pad"));
        assertThrows(IllegalArgumentException.class, () -> NpmPackage.folderName("../x@1"));
    }

    @Test
    void unpacksFilesStrippingTheFirstFolderWithPaxLongNames() throws IOException {
        String longName = "package/" + "deep/".repeat(30) + "file.txt";
        Path tgz = dir.resolve("p.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            entry(out, "package/", '5', new byte[0]);
            entry(out, "package/demo/a.txt", '0', "hello".getBytes(StandardCharsets.UTF_8));
            byte[] record = pax("path", longName);
            entry(out, "PaxHeader/x", 'x', record);
            entry(out, "truncated-name", '0', new byte[1000]);
            out.write(new byte[1024]);
        }
        Path target = dir.resolve("out");
        NpmPackage.untarGz(tgz, target);
        assertEquals("hello", Files.readString(target.resolve("demo/a.txt")));
        assertEquals(1000, Files.size(target.resolve(longName.substring("package/".length()))));
        assertFalse(Files.exists(target.resolve("truncated-name")));
    }

    @Test
    void refusesEntriesOutsideTheTarget() throws IOException {
        Path tgz = dir.resolve("evil.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            entry(out, "package/../../evil.txt", '0', "x".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        }
        assertThrows(IOException.class, () -> NpmPackage.untarGz(tgz, dir.resolve("out")));
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    private static byte[] pax(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.length();
        len += Integer.toString(len).length();
        len = body.length() + Integer.toString(len).length();
        return (len + body).getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(OutputStream out, String name, char type, byte[] data) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, Math.min(b.length, 100));
    }
}
