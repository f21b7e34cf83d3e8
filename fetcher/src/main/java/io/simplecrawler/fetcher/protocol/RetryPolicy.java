package io.simplecrawler.fetcher.protocol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.fetcher.FetcherConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a URL again: after a connection error or timeout, or a 429 or 5xx answer, while
 * fewer than {@code maxAttempts} requests were made. The wait doubles from {@code retryBackoff}
 * with each attempt, plus random jitter of up to as much again, and is at least the answer's
 * Retry-After (seconds or an HTTP date); a Retry-After above {@code maxRetryAfter} is not waited for.
 * Each retry counts in {@code simplecrawler_fetcher_retries_total}.
 */
@Singleton
public class RetryPolicy {
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxRetryAfter;
    private final Counter retries;

    public RetryPolicy(FetcherConfiguration configuration, MeterRegistry meters) {
        this.maxAttempts = configuration.maxAttempts();
        this.backoff = configuration.retryBackoff();
        this.maxRetryAfter = configuration.maxRetryAfter();
        this.retries = Counter.builder("simplecrawler.fetcher.retries")
                .description("Requests tried again after a connection error, a timeout, a 429 or a 5xx")
                .register(meters);
    }

    /** The wait before attempt {@code attempts + 1}, or empty if the exchange is final. */
    public Optional<Duration> waitBeforeRetry(Exchange exchange, int attempts) {
        if (attempts >= maxAttempts || !isRetryable(exchange)) {
            return Optional.empty();
        }
        long base = backoff.toMillis() << (attempts - 1);
        Duration wait = Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1));
        Optional<Duration> retryAfter = retryAfter(exchange.download());
        if (retryAfter.isPresent() && retryAfter.get().compareTo(maxRetryAfter) > 0) {
            return Optional.empty();
        }
        retries.increment();
        return Optional.of(retryAfter.filter(after -> after.compareTo(wait) > 0).orElse(wait));
    }

    /** What the answer asked for with Retry-After, if it is a 429 or 503 that said anything readable. */
    public static Optional<Duration> retryAfter(Download download) {
        if (download == null || (download.status() != 429 && download.status() != 503)) {
            return Optional.empty();
        }
        return download.header("Retry-After").map(String::strip).flatMap(RetryPolicy::parseRetryAfter);
    }

    private static boolean isRetryable(Exchange exchange) {
        if (exchange.download() != null) {
            int status = exchange.download().status();
            return status == 429 || status >= 500;
        }
        return FetchFailure.isRetryable(exchange.failure());
    }

    private static Optional<Duration> parseRetryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
