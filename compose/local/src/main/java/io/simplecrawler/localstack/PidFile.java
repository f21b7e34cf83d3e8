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
 * line carries the markers that {@link ChildProcess} puts on it.
 */
record PidFile(Path path, String name, Path runDir) {
    static final String SUFFIX = ".pid";

    static PidFile of(Path runDir, String name) {
        Path absolute = runDir.toAbsolutePath().normalize();
        return new PidFile(absolute.resolve("pids").resolve(name + SUFFIX), name, absolute);
    }

    /** The JVM system properties that identify the process as this name in this run folder. */
    List<String> markers() {
        return List.of("-Dsimplecrawler.process=" + name, "-Dsimplecrawler.run=" + runDir);
    }

    void write(long pid) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
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
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::carriesMarkers);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean carriesMarkers(ProcessHandle process) {
        String commandLine = process.info().commandLine().orElse("");
        return markers().stream().allMatch(commandLine::contains);
    }
}
