package io.simplecrawler.renderer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The renderer's settings, validated at start-up ({@code @Context}).
 *
 * @param chromium          the Chromium executable (Debian's package); nothing is ever downloaded
 * @param concurrency       pages rendered at once: one browser per slot, each on its own consumer
 *                          thread (Playwright's objects belong to the thread that made them)
 * @param pageTimeout       the most one page may take, navigation, load and waitFor together; a
 *                          job's shorter timeoutMs wins
 * @param maxSubresources   requests a page may make besides its document; later ones are aborted
 * @param maxPageBytes      bytes (by Content-Length) a page's sub-resources may bring; later
 *                          requests are aborted once it is reached
 * @param restartEveryPages a browser is restarted after this many pages (and after any crash), so
 *                          that whatever leaks in it is dropped
 * @param resultsDir        the job folders the exporter writes (RESULTS_DIR, a volume shared with
 *                          the exporter and gateway): a screenshot is saved in its job's folder
 */
@Context
@ConfigurationProperties("renderer")
public record RendererConfiguration(
        @Bindable(defaultValue = "/usr/bin/chromium") @NotBlank String chromium,
        @Bindable(defaultValue = "2") @Positive int concurrency,
        @Bindable(defaultValue = "30s") @NotNull Duration pageTimeout,
        @Bindable(defaultValue = "300") @Positive int maxSubresources,
        @Bindable(defaultValue = "20971520") @Positive long maxPageBytes,
        @Bindable(defaultValue = "100") @Positive int restartEveryPages,
        @Bindable(defaultValue = "results") @NotNull Path resultsDir) {}
