package io.simplecrawler.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A process that the stack launches and stops, a JVM or a {@link #program program} such as nginx:
 * output to {@code <runDir>/logs/<name>.log}, PID in {@code <runDir>/pids/<name>.pid}. It
 * outlives the JVM that launched it, so that {@code make run} can return, and can be stopped later
 * from another JVM through its PID file.
 */
public final class ChildProcess {
    private static final File NO_INPUT = new File("/dev/null");

    private final String name;
    private final List<String> command;
    private final List<String> markers;
    private final Map<String, String> env;
    private final PidFile pidFile;
    private final Path logFile;
    private volatile ProcessHandle handle;

    /**
     * @param name unique in the run folder, e.g. {@code fetcher-2}
     * @param jvmArgs everything after {@code java}, e.g. {@code -Xmx256m -jar x.jar}
     * @param env added to this JVM's environment
     */
    public ChildProcess(String name, List<String> jvmArgs, Map<String, String> env, Path runDir) {
        this(
                name,
                jvm(PidFile.of(runDir, name), jvmArgs),
                PidFile.of(runDir, name).jvmMarkers(),
                env,
                runDir);
    }

    private ChildProcess(
            String name, List<String> command, List<String> markers, Map<String, String> env, Path runDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.markers = List.copyOf(markers);
        this.env = Map.copyOf(env);
        this.pidFile = PidFile.of(runDir, name);
        this.logFile = runDir.resolve("logs").resolve(name + ".log");
    }

    /**
     * A program that is not a JVM.
     *
     * @param command the program and its arguments
     * @param marker a string on the running program's command line (as /proc shows it) that no
     *     other process has, e.g. a path inside the run folder; it tells this process from another
     *     one that got the same PID later
     */
    public static ChildProcess program(
            String name, List<String> command, String marker, Map<String, String> env, Path runDir) {
        if (command.stream().noneMatch(arg -> arg.contains(marker))) {
            throw new IllegalArgumentException("the marker " + marker + " is not on the command line " + command);
        }
        return new ChildProcess(name, command, List.of(marker), env, runDir);
    }

    private static List<String> jvm(PidFile pidFile, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(pidFile.jvmMarkers());
        command.addAll(jvmArgs);
        return command;
    }

    /** Launches the process and records its PID. */
    public ChildProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as PID " + handle.pid());
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(NO_INPUT)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            handle = builder.start().toHandle();
            pidFile.write(handle.pid(), markers);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** The java launcher of the running JVM. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The name given at construction. */
    public String name() {
        return name;
    }

    /** The PID of the running JVM. */
    public long pid() {
        if (handle == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return handle.pid();
    }

    /** True while the JVM runs. */
    public boolean isAlive() {
        return handle != null && handle.isAlive();
    }

    /** Where the JVM's stdout and stderr go. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Polls {@code ready} until it is true.
     *
     * @throws IllegalStateException if the JVM exits first or the deadline passes; the message ends
     *     with the tail of its log
     */
    public void awaitReady(String what, BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before " + what + "\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not " + what + " after " + timeout + "\n" + logTail());
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** SIGTERM, then SIGKILL if it is still running after {@code grace}. */
    public void stop(Duration grace) {
        if (handle != null) {
            terminate(handle, grace);
            pidFile.delete();
        }
    }

    /** SIGKILL, as a crash would; returns once the JVM is gone. The PID file is left behind, as a crash would. */
    public void kill() {
        if (handle != null) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(30));
        }
    }

    /** SIGSTOP: the process stays, frozen, as a process stalled by the machine or a debugger would be. */
    public void suspend() {
        signal("STOP");
    }

    /** SIGCONT after {@link #suspend()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            // the JDK sends only SIGTERM and SIGKILL
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends SIGTERM, waits up to {@code grace} for the process to exit, then sends SIGKILL.
     *
     * @return true if it exited on SIGTERM
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(30));
        return false;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return "--- last lines of " + logFile + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The live process recorded in this run folder under {@code name}, if any. */
    static Optional<ProcessHandle> running(Path runDir, String name) {
        return PidFile.of(runDir, name).liveProcess();
    }
}
