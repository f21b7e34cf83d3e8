package io.simplecrawler.exporter.results;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file in one step: the content goes to a temporary sibling, is forced to disk, then
 * renamed over the target. The temporary name starts with a dot, so that the gateway, which
 * lists only plain names, never offers a half-written file. The content's size and SHA-256 are
 * taken as it is written.
 */
final class AtomicFile implements Closeable {
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final FileDigest.Sha256 digest = new FileDigest.Sha256();
    private final OutputStream out;
    private FileDigest written;
    private boolean closed;
    private boolean committed;

    private AtomicFile(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        this.target = target;
        // readable by others, as pages.jsonl is: compose's nginx (another user) sends the files downloaded
        this.temp = Files.createTempFile(
                target.getParent(),
                "." + target.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        this.out = new BufferedOutputStream(new Digesting(Files.newOutputStream(temp)), 256 * 1024);
    }

    static void write(Path target, Content content) throws IOException {
        try (AtomicFile file = open(target)) {
            content.writeTo(file.stream());
            file.commit();
        }
    }

    /** A file to write and then {@link #commit()}; closing it uncommitted leaves the target as it was. */
    static AtomicFile open(Path target) throws IOException {
        return new AtomicFile(target);
    }

    OutputStream stream() {
        return out;
    }

    /**
     * Ends the writing and forces the content to disk, without replacing the target yet.
     *
     * @return the temporary file, complete, to read before {@link #commit()}
     */
    Path finish() throws IOException {
        if (!closed) {
            out.close();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            closed = true;
        }
        return temp;
    }

    /** The size and SHA-256 of what was written, under the target's name; after {@link #finish()}. */
    FileDigest digest() {
        if (written == null) {
            written = digest.of(target.getFileName().toString());
        }
        return written;
    }

    void commit() throws IOException {
        finish();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Passes the bytes on to the file and into the digest. */
    private final class Digesting extends FilterOutputStream {
        Digesting(OutputStream file) {
            super(file);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            digest.update(bytes, offset, length);
        }
    }
}
