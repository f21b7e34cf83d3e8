package io.simplecrawler.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * nginx in front of the local stack's gateway, from the repository's {@code nginx/nginx.conf}
 * (the file compose uses too) with its placeholders filled in for this machine: it listens on
 * {@code HTTP_ADDRESS}:{@code HTTP_PORT} (127.0.0.1:8080), proxies to the gateway's port and sends result files from the
 * results folder. The rendered file, pid and temp files live in {@code <run>/nginx}, its logs in
 * {@code <run>/logs/nginx}.
 */
final class LocalNginx {
    static final String NAME = "nginx";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final LocalSettings settings;
    private final Path binary;

    LocalNginx(LocalSettings settings, Path binary) {
        this.settings = settings;
        this.binary = binary;
    }

    /**
     * The nginx program: {@code NGINX_BIN} if set, else {@code nginx} on the PATH, else Debian's
     * {@code /usr/sbin/nginx} (not on a normal user's PATH).
     */
    static Optional<Path> find(UnaryOperator<String> env) {
        String configured = env.apply("NGINX_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(env.apply("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(":")).filter(dir -> !dir.isBlank()), Stream.of("/usr/sbin"))
                .map(dir -> Path.of(dir, NAME))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Renders the configuration, launches nginx and waits until it answers. */
    ChildProcess start() {
        if (FreePorts.inUse(settings.httpPort())) {
            throw new IllegalStateException(
                    "port " + settings.httpPort() + " for nginx is taken; stop what holds it or set HTTP_PORT");
        }
        Path conf = writeConfig();
        ChildProcess nginx = ChildProcess.program(
                NAME,
                List.of(
                        binary.toString(),
                        "-c",
                        conf.toString(),
                        "-e",
                        logDir().resolve("error.log").toString(),
                        "-g",
                        "daemon off;"),
                conf.toString(),
                Map.of(),
                settings.runDir());
        nginx.start();
        nginx.awaitReady("answering on " + url(), this::answers, LocalStack.STARTUP_TIMEOUT);
        return nginx;
    }

    /** {@code http://127.0.0.1:<HTTP_PORT>} */
    String url() {
        return "http://127.0.0.1:" + settings.httpPort();
    }

    boolean answers() {
        return HealthProbe.answersOk(url() + "/nginx-health");
    }

    /** The values of the template's placeholders on this machine. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NGINX_LISTEN", settings.httpAddress() + ":" + settings.httpPort());
        values.put("GATEWAY_UPSTREAM", "127.0.0.1:" + settings.ports().portFor("gateway"));
        values.put("RESULTS_DIR", settings.resultsDir().toString());
        // workers run as whoever runs the stack: the run folder may be readable by that user only
        values.put("NGINX_USER", System.getProperty("user.name"));
        values.put("NGINX_STATE_DIR", stateDir().toString());
        values.put("NGINX_LOG_DIR", logDir().toString());
        return values;
    }

    /**
     * Fills in every {@code ${NAME}} of the template.
     *
     * @throws IllegalArgumentException if the template has a placeholder without a value
     */
    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(
                        "nginx.conf has a placeholder ${" + matcher.group(1) + "} without a value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private Path writeConfig() {
        Path template = settings.repoRoot().resolve("nginx/nginx.conf");
        Path conf = stateDir().resolve("nginx.conf");
        try {
            Files.createDirectories(stateDir());
            Files.createDirectories(logDir());
            Files.writeString(
                    conf,
                    "# generated by make run from " + template + "; edits are overwritten\n"
                            + render(Files.readString(template), values()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + conf, e);
        }
        return conf;
    }

    private Path stateDir() {
        return settings.runDir().resolve("nginx");
    }

    private Path logDir() {
        return settings.runDir().resolve("logs/nginx");
    }
}
