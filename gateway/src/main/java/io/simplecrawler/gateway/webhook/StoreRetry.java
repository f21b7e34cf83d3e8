package io.simplecrawler.gateway.webhook;

import io.simplecrawler.faults.RetryBackoff;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a blocking Postgres or Redis step on the webhook I/O threads, retrying a failure with
 * exponential backoff on timers; fails with the last error once every attempt failed.
 */
final class StoreRetry {
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Executor io;
    private final int attempts;
    private final RetryBackoff backoff;

    StoreRetry(Executor io, int attempts, Duration firstDelay) {
        this.io = io;
        this.attempts = attempts;
        this.backoff = new RetryBackoff(firstDelay, MAX_DELAY);
    }

    <T> CompletableFuture<T> run(Supplier<T> step) {
        return run(step, 1);
    }

    private <T> CompletableFuture<T> run(Supplier<T> step, int attempt) {
        return CompletableFuture.supplyAsync(step, io)
                .handle((value, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(value);
                    }
                    if (attempt >= attempts) {
                        return CompletableFuture.<T>failedFuture(error);
                    }
                    Executor later = CompletableFuture.delayedExecutor(
                            backoff.delay(attempt).toMillis(), TimeUnit.MILLISECONDS, io);
                    return CompletableFuture.supplyAsync(() -> null, later)
                            .thenCompose(ignored -> run(step, attempt + 1));
                })
                .thenCompose(Function.identity());
    }
}
