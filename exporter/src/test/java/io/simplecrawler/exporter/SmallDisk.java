package io.simplecrawler.exporter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A folder for result files on a 2 MB tmpfs of its own, so that a test can fill the disk for
 * real. Mounting needs root: elsewhere the folder is an ordinary temporary one and
 * {@link #notMounted()} says why.
 */
final class SmallDisk implements AutoCloseable {
    private static final String FILLER = "filler";

    private final Path folder;
    private final String notMounted;

    private SmallDisk(Path folder, String notMounted) {
        this.folder = folder;
        this.notMounted = notMounted;
    }

    static SmallDisk mount() {
        try {
            Path folder = Files.createTempDirectory("exporter-small-disk");
            if (new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
                return new SmallDisk(folder, "mounting a tmpfs needs root, and the tests do not run as root");
            }
            Optional<String> failure = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder.toString());
            return new SmallDisk(
                    folder, failure.map(why -> "mount -t tmpfs failed: " + why).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }

    /** Why the folder is not on a small disk of its own, if it is not. */
    Optional<String> notMounted() {
        return Optional.ofNullable(notMounted);
    }

    /** Writes a file until the disk has no room left. */
    void fill() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(folder.resolve(FILLER))) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(folder.resolve(FILLER));
    }

    @Override
    public void close() {
        if (notMounted == null) {
            run("umount", "--lazy", folder.toString())
                    .ifPresent(why -> System.err.println("umount " + folder + " failed: " + why));
        }
    }

    /** @return what went wrong, if the command failed */
    private static Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(String.join(" ", command) + " did not finish in 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of("exit " + process.exitValue() + ": " + output);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
