package io.simplecrawler.gateway.webhook;

import io.simplecrawler.crawlstate.WebhookMarks;
import io.simplecrawler.schemas.JobEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns job events into webhook deliveries: in event order per job (one queue per job), jobs in
 * parallel and independent of each other, and at most one terminal event (completed, failed,
 * cancelled) per job, also across gateway replicas (the mark is in Redis). A Postgres error is
 * retried; a Redis error on the terminal mark delivers anyway (receivers deduplicate by id), so
 * no delivery is dropped for a store's fault. Each delivery ends delivered or given up, and is
 * counted in {@link WebhookOutcomes} with the reason.
 */
@Singleton
class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Set<JobEvent.Type> TERMINAL =
            Set.of(JobEvent.Type.COMPLETED, JobEvent.Type.FAILED, JobEvent.Type.CANCELLED);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final WebhookSubscriptions subscriptions;
    private final WebhookSender sender;
    private final WebhookOutcomes outcomes;
    private final WebhookMarks marks;
    private final Map<String, WebhookDialect> dialects;
    private final ExecutorService io = Executors.newFixedThreadPool(4, runnable -> new Thread(runnable, "webhook-io"));
    private final StoreRetry retry;
    private final Map<UUID, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();

    WebhookDispatcher(
            WebhookSubscriptions subscriptions,
            WebhookSender sender,
            WebhookOutcomes outcomes,
            WebhookMarks marks,
            List<WebhookDialect> dialects,
            WebhookConfiguration configuration) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.outcomes = outcomes;
        this.marks = marks;
        this.dialects = dialects.stream().collect(Collectors.toMap(WebhookDialect::name, Function.identity()));
        this.retry = new StoreRetry(io, configuration.storeAttempts(), configuration.firstRetryDelay());
    }

    /** Queues the events' deliveries; completes when every one of them has been delivered or given up. */
    CompletableFuture<Void> dispatch(List<JobEvent> events) {
        Map<UUID, List<JobEvent>> byJob = new LinkedHashMap<>();
        for (JobEvent event : events) {
            byJob.computeIfAbsent(event.jobId(), id -> new ArrayList<>()).add(event);
        }
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        byJob.forEach((jobId, jobEvents) -> batch.add(enqueue(jobId, jobEvents)));
        return CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> enqueue(UUID jobId, List<JobEvent> events) {
        CompletableFuture<Void> tail = queues.compute(jobId, (id, previous) -> (previous == null ? DONE : previous)
                .thenComposeAsync(ignored -> deliverAll(jobId, events), io));
        tail.whenComplete((ignored, error) -> queues.remove(jobId, tail));
        return tail;
    }

    private CompletableFuture<Void> deliverAll(UUID jobId, List<JobEvent> events) {
        return retry.run(() -> subscriptions.find(jobId))
                .handle((subscription, error) -> {
                    if (error != null) {
                        String why = "could not read the job's subscription: " + error.getMessage();
                        LOG.warn("Webhooks of job {}: {} events given up: {}", jobId, events.size(), why);
                        return record(jobId, 0, events.size(), why);
                    }
                    CompletableFuture<Void> chain = DONE;
                    for (JobEvent event : events) {
                        chain = chain.thenCompose(ignored ->
                                subscription.map(s -> deliver(s, event)).orElse(DONE));
                    }
                    return chain;
                })
                .thenCompose(Function.identity());
    }

    private CompletableFuture<Void> deliver(WebhookSubscription subscription, JobEvent event) {
        String type = event.type().name().toLowerCase(Locale.ROOT);
        if (!subscription.wants(type)) {
            return DONE;
        }
        WebhookDialect dialect = dialects.get(subscription.dialectName());
        if (dialect == null) {
            return record(event.jobId(), 0, 1, type + " event: no webhook dialect " + subscription.dialectName());
        }
        return CompletableFuture.supplyAsync(() -> terminated(event), io)
                .thenCompose(terminated -> terminated
                        ? DONE
                        : CompletableFuture.supplyAsync(
                                        () -> dialect.body(subscription, deliveryId(type, event), event), io)
                                .thenCompose(body ->
                                        sender.send(subscription, dialect.signatureHeader(), event.jobId(), type, body))
                                // the sender never fails: this is the body that could not be made (its store away)
                                .exceptionally(error -> Optional.of("could not make the body: " + error.getMessage()))
                                .thenComposeAsync(
                                        givenUp -> {
                                            if (TERMINAL.contains(event.type())) {
                                                markTerminated(type, event);
                                            }
                                            return givenUp.isEmpty()
                                                    ? record(event.jobId(), 1, 0, null)
                                                    : record(event.jobId(), 0, 1, type + " event: " + givenUp.get());
                                        },
                                        io))
                .exceptionally(error -> {
                    LOG.warn("Webhook {} of job {}: {}", type, event.jobId(), error.getMessage());
                    return null;
                });
    }

    /** Redis answers within REDIS_TIMEOUT or fails, so a Redis away cannot stall deliveries on the I/O threads. */
    private boolean terminated(JobEvent event) {
        try {
            return marks.terminalDelivered(event.jobId());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Webhook of job {}: Redis unavailable for the terminal mark, delivering anyway: {}",
                    event.jobId(),
                    e.toString());
            return false;
        }
    }

    private void markTerminated(String type, JobEvent event) {
        try {
            marks.markTerminalDelivered(event.jobId(), type);
        } catch (RuntimeException e) {
            LOG.warn("Webhook of job {}: Redis unavailable, terminal mark not set: {}", event.jobId(), e.toString());
        }
    }

    private CompletableFuture<Void> record(UUID jobId, int delivered, int failed, String lastError) {
        return retry.<Void>run(() -> {
                    outcomes.add(jobId, delivered, failed, lastError);
                    return null;
                })
                .exceptionally(error -> {
                    LOG.warn(
                            "Webhook outcome of job {} not recorded (delivered {}, given up {}, {}): {}",
                            jobId,
                            delivered,
                            failed,
                            lastError,
                            error.getMessage());
                    return null;
                });
    }

    private static UUID deliveryId(String type, JobEvent event) {
        String url = event instanceof JobEvent.PageWritten page ? page.url() : null;
        String identity = event.jobId() + "/" + type + "/" + url + "/" + event.at();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        io.shutdownNow();
    }
}
