package io.simplecrawler.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.localstack.PipelineProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Firecrawl's own JS SDK, {@code @mendable/firecrawl-js} (pinned in
 * {@code e2e/src/test/node/firecrawl-sdk}), against the Firecrawl-compatible API of the stack as
 * {@code make run} starts it, through nginx, with an API key and a Firecrawl webhook secret:
 * {@code node --test} runs {@code firecrawl-sdk.test.mjs}, which serves the sites it crawls and
 * the webhook receivers. {@code npm ci} installs the
 * SDK when {@code node_modules} is missing. Skipped, loudly, without nginx, node or npm, or when
 * npm cannot install the SDK.
 */
class FirecrawlSdkTest {
    private static final Path PROJECT = PipelineProcesses.repoRoot().resolve("e2e/src/test/node/firecrawl-sdk");
    private static final String KEY = "firecrawl-sdk-test-key";
    private static final String WEBHOOK_SECRET = "firecrawl-sdk-test-webhook-secret";

    @Test
    void firecrawlsJsSdkWorksAgainstTheStackThroughNginx() {
        skipLoudlyUnless(
                MakeRunStack.nginxInstalled(), "nginx is not installed (make test installs it when run as root)");
        skipLoudlyUnless(
                Programs.which("node").isPresent() && Programs.which("npm").isPresent(),
                "node and npm are not installed");
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            Programs.Run install = run(5, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
            skipLoudlyUnless(install.exit() == 0, "npm ci could not install the SDK:\n" + install.output());
        }
        try (MakeRunStack stack = MakeRunStack.start(
                "firecrawl-sdk",
                Map.of("SIMPLECRAWLER_API_KEYS", "sdk:" + KEY, "FIRECRAWL_WEBHOOK_SECRET", WEBHOOK_SECRET))) {
            Programs.Run sdk = run(
                    8,
                    Map.of(
                            "FIRECRAWL_API_URL",
                            stack.api(),
                            "SIMPLECRAWLER_API_KEY",
                            KEY,
                            "FIRECRAWL_WEBHOOK_SECRET",
                            WEBHOOK_SECRET,
                            "SITE_ADDRESS",
                            "127.0.0.31",
                            "SLOW_SITE_ADDRESS",
                            "127.0.0.32"),
                    "node",
                    "--test",
                    "--test-reporter=spec",
                    "firecrawl-sdk.test.mjs");

            System.out.println(sdk.output());
            assertEquals(0, sdk.exit(), "node --test failed:\n" + sdk.output());
        }
    }

    private static void skipLoudlyUnless(boolean condition, String why) {
        Programs.skipLoudlyUnless(condition, "FirecrawlSdkTest", why);
    }

    /** Runs {@code command} in the Node project, without FIRECRAWL_API_KEY (the SDK would take it as its key). */
    private static Programs.Run run(int minutes, Map<String, String> env, String... command) {
        return Programs.run(PROJECT, minutes, env, List.of("FIRECRAWL_API_KEY"), List.of(command));
    }
}
