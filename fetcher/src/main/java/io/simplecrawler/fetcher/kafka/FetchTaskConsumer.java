package io.simplecrawler.fetcher.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.simplecrawler.broker.KafkaBootstrapConfiguration;
import io.simplecrawler.broker.PipelineTopics;
import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.faults.InfrastructureFaults;
import io.simplecrawler.faults.RetryBackoff;
import io.simplecrawler.fetcher.FetcherConfiguration;
import io.simplecrawler.fetcher.fetch.TaskSettler;
import io.simplecrawler.fetcher.protocol.FetchFailure;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.settlement.Settlement;
import io.simplecrawler.settlement.SettlementPublisher;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@link Topics#FETCH} on a thread of its own that never waits for a fetch: it polls,
 * hands each task to the {@link TaskSettler} (whose host queues keep it polite) and goes back to
 * polling, so a politeness delay, a retry's backoff or a slow site holds no other host up. A
 * task is done when Kafka acknowledged its page and links records; offsets are committed up to
 * the lowest task not done yet ({@link PartitionProgress}), so a crash replays tasks and loses
 * none. A partition with {@code maxPendingTasks} tasks not done is paused until half of them are.
 *
 * <p>The same task delivered twice while the first is still in progress (a rebalance gave the
 * partition back) joins the first rather than fetching again; one delivered after its records
 * were published is dropped by the settler. When Redis or Kafka fail ({@link InfrastructureFaults}),
 * the task is tried again after a growing pause, for as long as the service runs, and the consumer
 * reports itself stalled; a task that fails for any other reason is dead-lettered with the reason
 * and settled as FAILED, so that its partition moves on and its job finishes.
 */
@Context
@Requires(property = "kafka.enabled", notEquals = "false")
public class FetchTaskConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(FetchTaskConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final RetryBackoff RETRY_BACKOFF = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    private final TaskSettler settler;
    private final SettlementPublisher publisher;
    private final HeldTasks held;
    private final int maxPending;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final Map<TaskKey, CompletableFuture<Void>> inProgress = new ConcurrentHashMap<>();
    private final AtomicInteger stalls = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    /** Takes {@link PipelineTopics} so that the topics exist before it subscribes. */
    public FetchTaskConsumer(
            PipelineTopics topics,
            TaskSettler settler,
            SettlementPublisher publisher,
            HeldTasks held,
            FetcherConfiguration configuration,
            MeterRegistry meters,
            KafkaBootstrapConfiguration kafka) {
        this.settler = settler;
        this.publisher = publisher;
        this.held = held;
        this.maxPending = configuration.maxPendingTasks();
        this.consumer =
                new KafkaConsumer<>(properties(kafka.servers()), new StringDeserializer(), new ByteArrayDeserializer());
        Gauge.builder("simplecrawler.fetcher.tasks.held", inProgress, Map::size)
                .description("Fetch tasks taken from Kafka and not settled yet")
                .register(meters);
        this.thread = new Thread(this::run, "fetch-task-consumer");
        thread.start();
    }

    private static Properties properties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fetcher");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // tasks arrive in bursts from the frontier: gather up to 10 ms of them per fetch request
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16_384);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        // Only partitions that move are revoked: the others keep their tasks in flight.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // A fetcher that died holds its hosts for its session: 10 s rather than 45 s of standstill.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return props;
    }

    /** True while the consumer thread runs. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** True while some task waits for Redis or Kafka to come back. */
    public boolean isStalled() {
        return stalls.get() > 0;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.FETCH), new Rebalance());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    dispatch(record);
                }
                commit();
                applyBackPressure();
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("The fetch task consumer stopped", e);
        } finally {
            commitOnStop();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition, p -> new PartitionProgress());
        partitionProgress.dispatched(record.offset());
        CompletableFuture<Void> outputs;
        try {
            FetchTask task = readTask(record);
            TaskKey key = TaskKey.of(task);
            outputs = inProgress.get(key);
            if (outputs == null) {
                CompletableFuture<Void> created = new CompletableFuture<>();
                inProgress.put(key, created);
                held.taken(task.jobId());
                settleAndPublish(task, record).whenComplete((done, error) -> {
                    held.settled(task.jobId(), Instant.now());
                    inProgress.remove(key, created);
                    created.complete(null);
                });
                outputs = created;
            }
        } catch (MalformedEventException e) {
            outputs = deadLetter(record, e.getMessage());
        }
        outputs.thenRun(() -> partitionProgress.done(record.offset()));
    }

    private CompletableFuture<Void> settleAndPublish(FetchTask task, ConsumerRecord<String, byte[]> record) {
        return untilDone(
                () -> settler.settle(task)
                        .thenCompose(settlement ->
                                settlement.map(s -> publish(task, s)).orElse(CompletableFuture.completedFuture(null))),
                task.url(),
                error -> failTask(task, record, error));
    }

    private CompletableFuture<Void> publish(FetchTask task, Settlement settlement) {
        return publisher.publish(settlement).thenCompose(acked -> settler.published(task));
    }

    /** A task that fails for a reason of its own is dead-lettered, and settled as FAILED so that its job finishes. */
    private CompletableFuture<Void> failTask(FetchTask task, ConsumerRecord<String, byte[]> record, Throwable error) {
        String reason = DeadLetters.reason(error);
        LOG.error("Cannot process task {} of job {}: {}", task.url(), task.jobId(), reason, error);
        return deadLetter(record, reason)
                .thenCompose(lettered ->
                        untilDone(() -> publish(task, TaskSettler.failed(task, reason)), task.url(), this::giveUp));
    }

    private CompletableFuture<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warn("Dead-lettered record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        return untilDone(
                () -> publisher.deadLetter(record, reason), "dead letter of offset " + record.offset(), this::giveUp);
    }

    /** What cannot even be dead-lettered or settled as failed (the letter is bounded, so only a bug) is logged and dropped. */
    private CompletableFuture<Void> giveUp(Throwable error) {
        LOG.error("Dropped a record that could not be dead-lettered", error);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Runs {@code step} until it succeeds: again after a backoff when it fails for an
     * infrastructure fault (Redis or Kafka away; the consumer is stalled meanwhile), or hands the
     * failure to {@code recordFault} when it is the record's own, or gives up when the service stops.
     */
    private CompletableFuture<Void> untilDone(
            Supplier<CompletableFuture<Void>> step,
            String what,
            Function<Throwable, CompletableFuture<Void>> recordFault) {
        AtomicBoolean stalled = new AtomicBoolean();
        return attempt(step, what, recordFault, 1, stalled).whenComplete((done, error) -> {
            if (stalled.get()) {
                stalls.decrementAndGet();
            }
        });
    }

    private CompletableFuture<Void> attempt(
            Supplier<CompletableFuture<Void>> step,
            String what,
            Function<Throwable, CompletableFuture<Void>> recordFault,
            int attempt,
            AtomicBoolean stalled) {
        CompletableFuture<Void> result;
        try {
            result = step.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.exceptionallyCompose(failure -> {
            Throwable error = FetchFailure.unwrap(failure);
            if (!running) {
                return new CompletableFuture<>();
            }
            if (!InfrastructureFaults.isInfrastructure(error)) {
                return recordFault.apply(error);
            }
            if (stalled.compareAndSet(false, true)) {
                stalls.incrementAndGet();
            }
            Duration delay = RETRY_BACKOFF.delay(attempt);
            LOG.warn("Will retry {} in {}: {}", what, delay, error.toString());
            return CompletableFuture.supplyAsync(
                            () -> null, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(again -> attempt(step, what, recordFault, attempt + 1, stalled));
        });
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(progress.keySet());
        if (!offsets.isEmpty()) {
            // the callback runs on this thread, inside a later poll
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    LOG.info("Offset commit failed, will try again: {}", error.toString());
                    offsets.forEach((partition, offset) -> {
                        PartitionProgress p = progress.get(partition);
                        if (p != null) {
                            p.commitFailed(offset.offset());
                        }
                    });
                }
            });
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress p = progress.get(partition);
            if (p != null) {
                p.committable().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
            }
        }
        return offsets;
    }

    private void applyBackPressure() {
        for (TopicPartition partition : consumer.assignment()) {
            PartitionProgress p = progress.get(partition);
            int pending = p == null ? 0 : p.pending();
            boolean paused = consumer.paused().contains(partition);
            if (!paused && pending >= maxPending) {
                consumer.pause(List.of(partition));
                LOG.info("Paused {}: {} tasks in progress", partition, pending);
            } else if (paused && pending <= maxPending / 2) {
                consumer.resume(List.of(partition));
            }
        }
    }

    private void commitOnStop() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = committable(progress.keySet());
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            LOG.info("Final offset commit failed; the tasks will be replayed: {}", e.toString());
        }
    }

    private static FetchTask readTask(ConsumerRecord<String, byte[]> record) {
        FetchTask task = EventJson.read(record.value(), FetchTask.class);
        if (task.jobId() == null || task.url() == null || task.url().isBlank()) {
            throw new MalformedEventException("FetchTask without jobId or url");
        }
        if (task.depth() < 0) {
            throw new MalformedEventException("FetchTask at negative depth " + task.depth());
        }
        return task;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(15).toMillis());
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = committable(partitions);
                if (!offsets.isEmpty()) {
                    consumer.commitSync(offsets);
                }
            } catch (RuntimeException e) {
                LOG.info("Commit on revocation failed; the new owner replays those tasks: {}", e.toString());
            }
            partitions.forEach(progress::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(progress::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("Assigned {}", partitions);
        }
    }

    private record TaskKey(UUID jobId, String url) {
        static TaskKey of(FetchTask task) {
            return new TaskKey(task.jobId(), task.url());
        }
    }
}
