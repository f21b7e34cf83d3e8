package io.simplecrawler.exporter.results;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file in one step: the content goes to a temporary sibling, is forced to disk, then
 * renamed over the target. The temporary name starts with a dot, so that the gateway, which
 * lists only plain names, never offers a half-written file.
 */
final class AtomicFile implements Closeable {
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean committed;

    private AtomicFile(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        this.target = target;
        this.temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        this.out = new BufferedOutputStream(Files.newOutputStream(temp));
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

    void commit() throws IOException {
        out.close();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
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
}
