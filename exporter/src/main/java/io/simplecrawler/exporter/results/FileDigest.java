package io.simplecrawler.exporter.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A result file's entry in the manifest: its name, size and SHA-256, taken from the bytes as they
 * are written ({@link Sha256}) so that a file is not read again to be listed.
 */
record FileDigest(String name, long bytes, String sha256) {

    /** Reads a file written earlier (a WARC kept from a run before a crash). */
    static FileDigest of(Path file) throws IOException {
        Sha256 digest = new Sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.of(file.getFileName().toString());
    }

    /** A running SHA-256 and byte count. */
    static final class Sha256 {
        private final MessageDigest digest;
        private long bytes;

        Sha256() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        void update(byte[] data, int offset, int length) {
            digest.update(data, offset, length);
            bytes += length;
        }

        long bytes() {
            return bytes;
        }

        FileDigest of(String name) {
            return new FileDigest(name, bytes, HexFormat.of().formatHex(digest.digest()));
        }
    }
}
