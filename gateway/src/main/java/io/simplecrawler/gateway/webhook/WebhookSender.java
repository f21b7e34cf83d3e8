package io.simplecrawler.gateway.webhook;

import io.micronaut.json.JsonMapper;
import io.simplecrawler.netguard.NetworkDeniedException;
import io.simplecrawler.netguard.NetworkPolicy;
import io.simplecrawler.netguard.jetty.GuardedHttpClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one delivery, retrying a failure or a non-2xx answer with exponential backoff and
 * jitter, at most {@code maxAttempts} times in all. Waits on timers, never on a thread. The SSRF
 * guard checks every connection: the receiver's host is resolved once and the client connects
 * only to the addresses the {@link NetworkPolicy} allowed ({@link GuardedHttpClientBuilder}); a
 * denied receiver gets no request and no retry, and the reason is logged.
 */
@Singleton
class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient http;
    private final JsonMapper json;
    private final int maxAttempts;
    private final Duration firstRetryDelay;
    private final Duration timeout;

    WebhookSender(JsonMapper json, NetworkPolicy policy, WebhookConfiguration configuration) throws Exception {
        this.json = json;
        this.maxAttempts = configuration.maxAttempts();
        this.firstRetryDelay = configuration.firstRetryDelay();
        this.timeout = configuration.timeout();
        this.http = new GuardedHttpClientBuilder(policy, "webhooks", 8, 2)
                .connectTimeout(timeout)
                .start();
    }

    /**
     * Completes empty when the receiver answered 2xx, else with why the delivery was given up; never fails.
     *
     * @param signatureHeader where the body's signature goes when the subscription has a secret
     * @param body            serialised once as JSON: every attempt sends the same bytes
     */
    CompletableFuture<Optional<String>> send(
            WebhookSubscription subscription, String signatureHeader, UUID jobId, String type, Object body) {
        byte[] json = json(body);
        Map<String, String> headers = new LinkedHashMap<>();
        if (subscription.headers() != null) {
            headers.putAll(subscription.headers());
        }
        headers.put(HttpHeader.USER_AGENT.asString(), "SimpleCrawler-Webhooks/0.1");
        if (subscription.secret() != null && !subscription.secret().isEmpty()) {
            headers.put(signatureHeader, WebhookSigner.signature(subscription.secret(), json));
        }
        return attempt(URI.create(subscription.url()), json, headers, jobId, type, 1);
    }

    private CompletableFuture<Optional<String>> attempt(
            URI uri, byte[] body, Map<String, String> headers, UUID jobId, String type, int attempt) {
        return post(uri, body, headers)
                .handle((status, error) -> {
                    if (error == null && status / 100 == 2) {
                        return CompletableFuture.completedFuture(Optional.<String>empty());
                    }
                    Optional<String> denied = whyDenied(error);
                    if (denied.isPresent()) {
                        LOG.warn(
                                "Webhook {} of job {} to {} not sent: denied by the network policy (SSRF guard): {}",
                                type,
                                jobId,
                                uri,
                                denied.get());
                        return CompletableFuture.completedFuture(
                                Optional.of("denied by the network policy: " + denied.get()));
                    }
                    String why = error != null
                            ? error.getClass().getSimpleName() + ": " + error.getMessage()
                            : "HTTP " + status;
                    if (attempt >= maxAttempts) {
                        LOG.warn(
                                "Webhook {} of job {} to {} given up after {} attempts: {}",
                                type,
                                jobId,
                                uri,
                                attempt,
                                why);
                        return CompletableFuture.completedFuture(
                                Optional.of("given up after " + attempt + " attempts: " + why));
                    }
                    LOG.info("Webhook {} of job {} attempt {} failed: {}", type, jobId, attempt, why);
                    return CompletableFuture.supplyAsync(() -> null, delayed(attempt))
                            .thenCompose(ignored -> attempt(uri, body, headers, jobId, type, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    /** The receiver's status code; fails with the exchange's failure, unwrapped. */
    private CompletableFuture<Integer> post(URI uri, byte[] body, Map<String, String> headers) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        try {
            http.newRequest(uri)
                    .method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(fields -> headers.forEach(fields::put))
                    .body(new BytesRequestContent("application/json", body))
                    .send(result -> {
                        if (result.isFailed()) {
                            status.completeExceptionally(result.getFailure());
                        } else {
                            status.complete(result.getResponse().getStatus());
                        }
                    });
        } catch (RuntimeException e) {
            status.completeExceptionally(e);
        }
        return status;
    }

    private static Optional<String> whyDenied(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof NetworkDeniedException) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    private Executor delayed(int attempt) {
        long base = firstRetryDelay.toMillis() << (attempt - 1);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return CompletableFuture.delayedExecutor(jittered, TimeUnit.MILLISECONDS);
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() throws Exception {
        http.stop();
    }
}
