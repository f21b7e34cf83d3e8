package io.simplecrawler.renderer.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.renderer.ChromiumForTests;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A renderer killed with SIGKILL leaves no Chromium behind: its browser's driver and every Chromium
 * process (browser, renderers, GPU and utility processes) end on their own, none orphaned or left
 * a zombie.
 */
class KilledRendererTest {

    @Test
    void noChromiumOutlivesAKilledRenderer() throws Exception {
        ChromiumForTests.requireOrSkip();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        BrowserHolder.class.getName(),
                        ChromiumForTests.PATH)
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // the driver's and the JVM's start-up lines
            }
            assertEquals("ready", line, "the browser did not start");
            List<ProcessHandle> browsers = holder.descendants().toList();
            assertTrue(
                    browsers.stream()
                            .anyMatch(p -> p.info().command().orElse("").contains("chromium")),
                    "a Chromium runs under the renderer: "
                            + browsers.stream()
                                    .map(p -> p.info().command().orElse("?"))
                                    .toList());

            Runtime.getRuntime()
                    .exec(new String[] {"kill", "-KILL", Long.toString(holder.pid())})
                    .waitFor();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> browsers.stream().noneMatch(KilledRendererTest::running));
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Alive and not a zombie (a zombie's /proc stat says Z). */
    private static boolean running(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
