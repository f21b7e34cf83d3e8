package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.simplecrawler.localstack.PipelineProcesses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard in a real browser: Debian's Chromium driven by {@code playwright-core}
 * (src/test/browser/dashboard.mjs, which says each step), against the make run stack behind
 * nginx with two API keys, a site of a few pages, a site whose crawl does not finish and a page
 * full of XSS payloads. Chromium, Node and npm are installed when missing and this runs as root;
 * otherwise the test is skipped, loudly. Screenshots of each view go to target/dashboard-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    private static final String KEY_A = "alice-dashboard-key";
    private static final String KEY_B = "bob-dashboard-key";
    private static final Path SCRIPTS = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

    private MakeRunStack stack;
    private LoopbackSite site;
    private LoopbackSite slowSite;
    private HttpServer xssSite;

    @BeforeAll
    void startTheStackAndTheSites() throws IOException, URISyntaxException {
        String missing = installMissing();
        if (!missing.isEmpty()) {
            System.err.println("!!! DashboardBrowserTest SKIPPED: " + missing + " !!!");
        }
        assumeTrue(missing.isEmpty(), missing);
        npmCiWhenNeeded();
        site = LoopbackSite.start("127.0.0.30", 6);
        slowSite = LoopbackSite.start("127.0.0.31", 4).holdSecondHalf();
        xssSite = HttpServer.create(new InetSocketAddress("127.0.0.32", 0), 16);
        xssSite.createContext(
                "/",
                new StaticFiles("/", Path.of(getClass().getResource("/xss-site").toURI())));
        xssSite.start();
        stack = MakeRunStack.start(
                "dashboard-stack", Map.of("SIMPLECRAWLER_API_KEYS", "alice:" + KEY_A + ",bob:" + KEY_B));
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.stop();
        }
        if (xssSite != null) {
            xssSite.stop(0);
        }
        if (slowSite != null) {
            slowSite.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyViewWorksInChromiumWithNothingExecutingFromCrawledPagesAndNoPolicyViolation() throws Exception {
        Path output = Files.createTempFile("dashboard-browser", ".out");
        ProcessBuilder node = new ProcessBuilder("node", "dashboard.mjs")
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        node.environment()
                .putAll(Map.of(
                        "BASE_URL", stack.api(),
                        "CHROMIUM", chromium(),
                        "KEY_A", KEY_A,
                        "KEY_B", KEY_B,
                        "SITE_URL", site.url("/"),
                        "SLOW_URL", slowSite.url("/"),
                        "XSS_URL", "http://127.0.0.32:" + xssSite.getAddress().getPort() + "/",
                        "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString()));
        Process browser = node.start();
        boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        System.out.println(printed);
        assertEquals(true, finished, "the browser steps took longer than 5 min:\n" + printed);
        assertEquals(0, browser.exitValue(), printed);
    }

    /** Installs Chromium, Node and npm when missing and root; what is still missing, or "". */
    private static String installMissing() {
        List<String> missing = new ArrayList<>();
        for (String[] program : List.of(
                new String[] {"chromium", "chromium"}, new String[] {"node", "nodejs"}, new String[] {"npm", "npm"})) {
            run(List.of(
                    PipelineProcesses.repoRoot()
                            .resolve("compose/local/ensure-package.sh")
                            .toString(),
                    program[0],
                    program[1],
                    "the dashboard's browser test is skipped"));
            if (which(program[0]) == null) {
                missing.add(program[0] + " is not installed (make test installs Debian's " + program[1]
                        + " when run as root)");
            }
        }
        if (missing.isEmpty() && nodeMajorVersion() < 20) {
            missing.add("node is older than 20, which playwright-core needs");
        }
        return String.join("; ", missing);
    }

    private static int nodeMajorVersion() {
        String version = run(List.of("node", "--version")).trim(); // v20.11.1
        try {
            return Integer.parseInt(version.substring(1, version.indexOf('.')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** playwright-core from the lockfile, without the browser it would download (Debian's Chromium runs). */
    private static void npmCiWhenNeeded() {
        if (Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
            return;
        }
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(SCRIPTS.toFile());
        npm.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        String printed = run(npm);
        assumeTrue(
                Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")),
                "npm ci could not install playwright-core: " + printed);
    }

    private static String chromium() {
        return which("chromium");
    }

    private static String which(String program) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return null;
    }

    private static String run(List<String> command) {
        return run(new ProcessBuilder(command));
    }

    private static String run(ProcessBuilder builder) {
        try {
            Process process = builder.redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.MINUTES);
            System.out.print(printed);
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
