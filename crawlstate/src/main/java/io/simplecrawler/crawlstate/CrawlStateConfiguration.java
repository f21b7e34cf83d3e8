package io.simplecrawler.crawlstate;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the services use Redis.
 *
 * @param redisTimeout           how long a Redis command may take before it fails (and is retried
 *                               by the caller, whose health is DOWN meanwhile); Lettuce's own minute
 *                               would hide a paused or vanished Redis
 * @param finishedCrawlRetention how long a finished or failed crawl's state (settings, admitted,
 *                               settled ...) stays: a links record replayed within it changes nothing
 * @param stoppedCrawlRetention  how long the stop mark stays, and a cancelled crawl's state (its
 *                               tasks in flight still settle): until then a late record of the job
 *                               is known to belong to a stopped crawl, not to one whose state
 *                               Redis lost
 */
@ConfigurationProperties("crawlstate")
public record CrawlStateConfiguration(
        @Bindable(defaultValue = "3s") @NotNull Duration redisTimeout,
        @Bindable(defaultValue = "10m") @NotNull Duration finishedCrawlRetention,
        @Bindable(defaultValue = "24h") @NotNull Duration stoppedCrawlRetention) {}
