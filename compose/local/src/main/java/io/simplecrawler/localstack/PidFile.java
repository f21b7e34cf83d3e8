package io.simplecrawler.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code <runDir>/pids/<name>.pid}: the PID of a process the stack launched. A PID can be reused by
 * an unrelated process after ours dies, so a PID counts as ours only while that process's command
 * line carries the markers it was started with: the {@link #jvmMarkers JVM markers}, or for a
 * program that is not a JVM the ones listed in {@code <name>.markers} beside the PID file.
 */
record PidFile(Path path, String name, Path runDir) {
    static final String SUFFIX = ".pid";
    private static final String MARKERS_SUFFIX = ".markers";

    static PidFile of(Path runDir, String name) {
        Path absolute = runDir.toAbsolutePath().normalize();
        return new PidFile(absolute.resolve("pids").resolve(name + SUFFIX), name, absolute);
    }

    /** The JVM system properties that identify a JVM as this name in this run folder. */
    List<String> jvmMarkers() {
        return List.of("-Dsimplecrawler.process=" + name, "-Dsimplecrawler.run=" + runDir);
    }

    void write(long pid, List<String> markers) {
        try {
            Files.createDirectories(path.getParent());
            if (markers.equals(jvmMarkers())) {
                Files.deleteIfExists(markersPath());
            } else {
                Files.write(markersPath(), markers);
            }
            Files.writeString(path, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(markersPath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path, e);
        }
    }

    /** The recorded process if it is still alive and still ours. */
    Optional<ProcessHandle> liveProcess() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(path).trim());
            List<String> markers = Files.exists(markersPath()) ? Files.readAllLines(markersPath()) : jvmMarkers();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> carries(p, markers));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path markersPath() {
        return path.resolveSibling(name + MARKERS_SUFFIX);
    }

    private static boolean carries(ProcessHandle process, List<String> markers) {
        String commandLine = commandLine(process);
        return markers.stream().allMatch(commandLine::contains);
    }

    /**
     * The command line as /proc shows it: programs such as nginx rewrite it into a title ("nginx:
     * master process /usr/sbin/nginx -c ..."), which {@link ProcessHandle.Info} does not read whole.
     */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Files.readString(proc).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process is gone or not ours to read: fall back to what the JDK sees
        }
        return process.info().commandLine().orElse("");
    }
}
