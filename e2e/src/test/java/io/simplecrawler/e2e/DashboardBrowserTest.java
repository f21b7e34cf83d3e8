package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.simplecrawler.localstack.PipelineProcesses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Programs.skipLoudlyUnless(missing.isEmpty(), "DashboardBrowserTest", missing);
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
            stack.close();
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
        Programs.Run browser = Programs.run(
                SCRIPTS,
                5,
                Map.of(
                        "BASE_URL", stack.api(),
                        "CHROMIUM", Programs.which("chromium").orElseThrow().toString(),
                        "KEY_A", KEY_A,
                        "KEY_B", KEY_B,
                        "SITE_URL", site.url("/"),
                        "SLOW_URL", slowSite.url("/"),
                        "XSS_URL", "http://127.0.0.32:" + xssSite.getAddress().getPort() + "/",
                        "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString()),
                List.of(),
                List.of("node", "dashboard.mjs"));
        System.out.println(browser.output());
        assertEquals(0, browser.exit(), browser.output());
    }

    /** Installs Chromium, Node and npm when missing and root; what is still missing, or "". */
    private static String installMissing() {
        List<String> missing = new ArrayList<>();
        for (String[] program : List.of(
                new String[] {"chromium", "chromium"}, new String[] {"node", "nodejs"}, new String[] {"npm", "npm"})) {
            Programs.Run ensured = run(List.of(
                    PipelineProcesses.repoRoot()
                            .resolve("compose/local/ensure-package.sh")
                            .toString(),
                    program[0],
                    program[1],
                    "the dashboard's browser test is skipped"));
            System.out.print(ensured.output());
            if (Programs.which(program[0]).isEmpty()) {
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
        String version = run(List.of("node", "--version")).output().trim(); // v20.11.1
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
        Programs.Run npm = Programs.run(
                SCRIPTS,
                5,
                Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                List.of(),
                List.of("npm", "ci", "--no-audit", "--no-fund"));
        Programs.skipLoudlyUnless(
                Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")),
                "DashboardBrowserTest",
                "npm ci could not install playwright-core: " + npm.output());
    }

    private static Programs.Run run(List<String> command) {
        return Programs.run(Path.of("."), 10, Map.of(), List.of(), command);
    }
}
