package io.simplecrawler.gateway.webhook;

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
    private final Executor io;
    private final int attempts;
    private final Duration firstDelay;

    StoreRetry(Executor io, int attempts, Duration firstDelay) {
        this.io = io;
        this.attempts = attempts;
        this.firstDelay = firstDelay;
    }

    <T> CompletableFuture<T> run(Supplier<T> step) {
        return run(step, 1);
    }

    private <T> CompletableFuture<T> run(Supplier<T> step, int attempt) {
        return CompletableFuture.supplyAsync(step, io).handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            if (attempt >= attempts) {
                return CompletableFuture.<T>failedFuture(error);
            }
            Executor later = CompletableFuture.delayedExecutor(firstDelay.toMillis() << (attempt - 1), TimeUnit.MILLISECONDS, io);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> run(step, attempt + 1));
        }).thenCompose(Function.identity());
    }
}
