package io.simplecrawler.gateway.webhook;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one delivery, retrying a failure or a non-2xx answer with exponential backoff and
 * jitter, at most {@code maxAttempts} times in all. Waits on timers, never on a thread.
 */
@Singleton
class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient http;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2);
    private final JsonMapper json;
    private final int maxAttempts;
    private final Duration firstRetryDelay;
    private final Duration timeout;

    WebhookSender(JsonMapper json,
                  @Value("${gateway.webhooks.max-attempts:5}") int maxAttempts,
                  @Value("${gateway.webhooks.first-retry-delay:1s}") Duration firstRetryDelay,
                  @Value("${gateway.webhooks.timeout:10s}") Duration timeout) {
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.firstRetryDelay = firstRetryDelay;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(httpThreads)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Completes with true when the receiver answered 2xx, false when every attempt failed. */
    CompletableFuture<Boolean> send(WebhookSubscription subscription, WebhookDelivery delivery) {
        byte[] body = body(delivery);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "SimpleCrawler-Webhooks/0.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (subscription.secret() != null && !subscription.secret().isEmpty()) {
            request.header(WebhookSigner.HEADER, WebhookSigner.signature(subscription.secret(), body));
        }
        return attempt(request.build(), delivery, 1);
    }

    private CompletableFuture<Boolean> attempt(HttpRequest request, WebhookDelivery delivery, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error == null && response.statusCode() / 100 == 2) {
                        return CompletableFuture.completedFuture(true);
                    }
                    String why = error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode();
                    if (attempt >= maxAttempts) {
                        LOG.warn("Webhook {} of job {} to {} given up after {} attempts: {}",
                                delivery.type(), delivery.jobId(), request.uri(), attempt, why);
                        return CompletableFuture.completedFuture(false);
                    }
                    LOG.info("Webhook {} of job {} attempt {} failed: {}", delivery.type(), delivery.jobId(), attempt, why);
                    return CompletableFuture.supplyAsync(() -> null, delayed(attempt))
                            .thenCompose(ignored -> attempt(request, delivery, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    private Executor delayed(int attempt) {
        long base = firstRetryDelay.toMillis() << (attempt - 1);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return CompletableFuture.delayedExecutor(jittered, TimeUnit.MILLISECONDS);
    }

    private byte[] body(WebhookDelivery delivery) {
        try {
            return json.writeValueAsBytes(delivery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        httpThreads.shutdownNow();
    }
}
