package io.simplecrawler.gateway.webhook;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.schemas.JobEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Turns job events into webhook deliveries: in event order per job, jobs in parallel, and at
 * most one terminal event (completed, failed, cancelled) per job, also across gateway replicas
 * (the mark is in Redis).
 */
@Singleton
class WebhookDispatcher {
    private static final Set<JobEvent.Type> DELIVERED = Set.of(
            JobEvent.Type.STARTED, JobEvent.Type.PAGE, JobEvent.Type.COMPLETED, JobEvent.Type.FAILED, JobEvent.Type.CANCELLED);
    private static final Set<JobEvent.Type> TERMINAL = Set.of(JobEvent.Type.COMPLETED, JobEvent.Type.FAILED, JobEvent.Type.CANCELLED);
    private static final Duration TERMINAL_MARK_TTL = Duration.ofDays(7);

    private final WebhookSubscriptions subscriptions;
    private final WebhookSender sender;
    private final StatefulRedisConnection<String, String> redis;

    WebhookDispatcher(WebhookSubscriptions subscriptions, WebhookSender sender, StatefulRedisConnection<String, String> redis) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.redis = redis;
    }

    /** Completes when every delivery of the events has succeeded or been given up. */
    CompletableFuture<Void> dispatch(List<JobEvent> events) {
        Map<UUID, List<JobEvent>> byJob = new LinkedHashMap<>();
        for (JobEvent event : events) {
            if (DELIVERED.contains(event.type())) {
                byJob.computeIfAbsent(event.jobId(), id -> new ArrayList<>()).add(event);
            }
        }
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        byJob.forEach((jobId, jobEvents) -> subscriptions.find(jobId).ifPresent(subscription -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (JobEvent event : jobEvents) {
                chain = chain.thenCompose(ignored -> deliver(subscription, event));
            }
            jobs.add(chain);
        }));
        return CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> deliver(WebhookSubscription subscription, JobEvent event) {
        String type = event.type().name().toLowerCase(Locale.ROOT);
        String terminalMark = "crawl:{" + event.jobId() + "}:webhook-terminal";
        if (!subscription.wants(type) || redis.sync().exists(terminalMark) > 0) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.send(subscription, delivery(type, event)).thenAccept(delivered -> {
            if (TERMINAL.contains(event.type())) {
                redis.sync().set(terminalMark, type, SetArgs.Builder.ex(TERMINAL_MARK_TTL));
            }
        });
    }

    private static WebhookDelivery delivery(String type, JobEvent event) {
        String identity = event.jobId() + "/" + type + "/" + event.url() + "/" + event.at();
        UUID id = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> data = new LinkedHashMap<>();
        Optional.ofNullable(event.url()).ifPresent(url -> data.put("url", url));
        data.put("pagesCrawled", event.pagesCrawled());
        data.put("pagesFailed", event.pagesFailed());
        Optional.ofNullable(event.error()).ifPresent(error -> data.put("error", error));
        return new WebhookDelivery(id, type, event.jobId(), event.at(), data);
    }
}
