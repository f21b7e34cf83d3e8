package io.simplecrawler.fetcher;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The fetcher's settings, validated at start-up ({@code @Context}) so that a bad value stops
 * the service before it consumes anything.
 *
 * @param userAgent         the User-Agent header of every request; {@code {version}} stands for
 *                          the service's version. The part before the first '/' is the token
 *                          robots.txt rules are matched against
 * @param maxBodyBytes      no job reads more of a body than this, whatever its maxBytes says;
 *                          bodies are held in memory, so this bounds memory per request
 * @param settingsCacheSize how many jobs' settings are kept in memory; settings never change
 *                          once written, so a job that falls out is simply read again from Redis
 * @param robotsCacheTtl    how long a host's robots.txt stays cached in Redis for a job; longer
 *                          than most crawls, so that it is fetched once per host per job
 * @param maxAttempts       requests per URL when it fails with a connection error, a timeout,
 *                          429 or 5xx; 3 is the first try and two retries
 * @param retryBackoff      the wait before the first retry; it doubles for each further one, plus
 *                          up to as much again of random jitter so that retries don't bunch up
 * @param maxRetryAfter     a longer Retry-After is not waited for: the page is recorded failed
 * @param maxPendingTasks   tasks taken from one partition and not yet settled before the partition
 *                          is paused (back-pressure); it resumes at half of it
 * @param maxParseBacklog   downloaded pages waiting for or in a parse before new downloads wait
 *                          (see ParseBacklog)
 * @param heldTasksReportInterval how often the tasks this fetcher holds are reported to Redis for
 *                          the job view; well below the reports' 30 s time to live. Read by the
 *                          reporter's {@code @Scheduled}, whose placeholder repeats this default
 */
@Context
@ConfigurationProperties("fetcher")
public record FetcherConfiguration(
        @Bindable(defaultValue = "SimpleCrawler/{version} (+https://github.com/simplecrawler/simplecrawler)") @NotBlank
                String userAgent,
        @Bindable(defaultValue = "10485760") @Positive long maxBodyBytes,
        @Bindable(defaultValue = "1000") @Positive int settingsCacheSize,
        @Bindable(defaultValue = "24h") @NotNull Duration robotsCacheTtl,
        @Bindable(defaultValue = "3") @Positive int maxAttempts,
        @Bindable(defaultValue = "1s") @NotNull Duration retryBackoff,
        @Bindable(defaultValue = "60s") @NotNull Duration maxRetryAfter,
        @Bindable(defaultValue = "500") @Positive int maxPendingTasks,
        @Bindable(defaultValue = "16") @Positive int maxParseBacklog,
        @Bindable(defaultValue = "5s") @NotNull Duration heldTasksReportInterval) {}
