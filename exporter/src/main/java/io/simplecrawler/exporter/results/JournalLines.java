package io.simplecrawler.exporter.results;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lines of a journal as it is when opened: appends made later are not read, and
 * {@link #unchangedSince()} tells whether there were any (or whether the file was replaced).
 * A line is handed out as raw bytes, without its newline, with where it starts.
 */
final class JournalLines implements Closeable {
    /** A line of the journal; {@code terminated} is false for a last line that a crash cut before its newline. */
    record Line(long offset, byte[] bytes, boolean terminated) {}

    private static final int CHUNK = 1 << 20;

    private final Path journal;
    private final FileChannel channel;
    private final Object fileKey;
    private final long size;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private byte[] line = new byte[64 * 1024];
    private long position;

    private JournalLines(Path journal, FileChannel channel, Object fileKey, long size) {
        this.journal = journal;
        this.channel = channel;
        this.fileKey = fileKey;
        this.size = size;
        chunk.flip();
    }

    /** The journal's lines, none if it does not exist. */
    static JournalLines open(Path journal) throws IOException {
        try {
            FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ);
            BasicFileAttributes attributes = Files.readAttributes(journal, BasicFileAttributes.class);
            return new JournalLines(journal, channel, attributes.fileKey(), channel.size());
        } catch (NoSuchFileException e) {
            return new JournalLines(journal, null, null, 0);
        }
    }

    boolean exists() {
        return channel != null;
    }

    /** The next line, or null after the last. */
    Line next() throws IOException {
        long start = position;
        int length = 0;
        while (position < size) {
            if (!chunk.hasRemaining()) {
                chunk.clear();
                chunk.limit((int) Math.min(CHUNK, size - position));
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new EOFException(journal + " is shorter than when it was opened");
                    }
                }
                chunk.flip();
            }
            byte[] bytes = chunk.array();
            int from = chunk.position();
            int end = from;
            while (end < chunk.limit() && bytes[end] != '\n') {
                end++;
            }
            int taken = end - from;
            if (length + taken > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + taken));
            }
            System.arraycopy(bytes, from, line, length, taken);
            length += taken;
            position += taken;
            if (end < chunk.limit()) {
                chunk.position(end + 1);
                position++;
                return new Line(start, Arrays.copyOf(line, length), true);
            }
            chunk.position(end);
        }
        return length == 0 ? null : new Line(start, Arrays.copyOf(line, length), false);
    }

    /** Copies the journal's first {@code length} bytes, as they were when it was opened. */
    void copyStart(long length, OutputStream out) throws IOException {
        if (length > 0) {
            channel.transferTo(0, length, Channels.newChannel(out));
        }
    }

    /** Whether the journal is still the file that was opened, with nothing appended since. */
    boolean unchangedSince() throws IOException {
        try {
            BasicFileAttributes now = Files.readAttributes(journal, BasicFileAttributes.class);
            return channel != null && Objects.equals(now.fileKey(), fileKey) && now.size() == size;
        } catch (NoSuchFileException e) {
            return channel == null;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
