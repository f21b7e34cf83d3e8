package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;

import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.localstack.KafkaBrokerProcess;
import io.simplecrawler.localstack.PipelineProcesses;
import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.RestartablePostgres;
import io.simplecrawler.testkit.StoppableRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.hamcrest.Matchers;
import redis.clients.jedis.Jedis;

/**
 * A pipeline whose shared parts a test may break: a broker of its own (SIGKILL, then started
 * again), a Postgres of its own (stopped, then started again), the service JVMs (two fetchers)
 * and the JVM's test Redis, which {@code CLIENT PAUSE} stops for everyone without losing state.
 * {@link #inject} breaks one part, holds while checking that no service process dies of it,
 * and heals it; the times of each fault are kept, so that errors logged meanwhile can be told
 * from the others.
 */
final class FaultStack implements AutoCloseable {
    static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    private final Path runDir;
    private final KafkaBrokerProcess broker;
    private final RestartablePostgres postgres;
    private final StoppableRedis redis;
    private final PipelineProcesses processes;
    private final CrawlApi api;
    private final List<FaultWindow> windows = new ArrayList<>();

    /** When a fault was injected and when it was healed. */
    record FaultWindow(Fault fault, Instant start, Instant end) {}

    private FaultStack(
            Path runDir,
            KafkaBrokerProcess broker,
            RestartablePostgres postgres,
            StoppableRedis redis,
            PipelineProcesses processes) {
        this.runDir = runDir;
        this.broker = broker;
        this.redis = redis;
        this.postgres = postgres;
        this.processes = processes;
        this.api = new CrawlApi(processes.gatewayUrl());
    }

    static FaultStack start(String name) {
        return start(name, Map.of());
    }

    /** Like {@link #start(String)}, with more environment for every service. */
    static FaultStack start(String name, Map<String, String> extraEnv) {
        Path runDir;
        try {
            runDir = Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(runDir.resolve("broker"));
        RestartablePostgres postgres = RestartablePostgres.start(runDir.resolve("postgres"));
        // a Redis of its own: its faults (a pause, lost marks) must not reach another stack of the test JVM
        StoppableRedis redis = new StoppableRedis();
        Map<String, String> env =
                new HashMap<>(Pipeline.serviceEnv(broker.bootstrapServers(), runDir.resolve("results")));
        env.put("POSTGRES_URL", postgres.jdbcUrl());
        env.put("POSTGRES_USER", postgres.username());
        env.put("POSTGRES_PASSWORD", postgres.password());
        env.put("REDIS_URL", redis.uri());
        // a stalled job is re-driven within a minute rather than after the default 2.5
        env.put("EXPORTER_WATCHDOG_INTERVAL", "5s");
        env.put("EXPORTER_WATCHDOG_STALL_AFTER", "30s");
        env.putAll(extraEnv);
        PipelineProcesses processes = PipelineProcesses.forTests(PipelineProcesses.repoRoot(), runDir, env);
        processes.startAll(2, HEALTHY_WITHIN);
        return new FaultStack(runDir, broker, postgres, redis, processes);
    }

    CrawlApi api() {
        return api;
    }

    PipelineProcesses processes() {
        return processes;
    }

    String redisUri() {
        return redis.uri();
    }

    Path resultsDir() {
        return runDir.resolve("results");
    }

    JobAudit audit() {
        return new JobAudit(resultsDir(), redis.uri());
    }

    List<FaultWindow> windows() {
        return List.copyOf(windows);
    }

    /**
     * Breaks one part of the stack, runs {@code whileBroken} (e.g. submits a job), holds for
     * {@code hold} while every service process stays alive, heals the part and waits until every
     * service is healthy again.
     */
    void inject(Fault fault, Duration hold, Runnable whileBroken) {
        Instant start = Instant.now();
        ServiceProcess frozen = processes.process("fetcher-1");
        switch (fault) {
            case BROKER_KILLED -> broker.kill();
            case GATEWAY_KILLED -> processes.kill("gateway");
            case POSTGRES_RESTARTED -> postgres.stop();
            case REDIS_PAUSED -> pauseRedis(hold);
            case FETCHER_FROZEN -> frozen.suspend();
            case FETCH_TASKS_LOST -> {
                fetchers().forEach(processes::stop);
                deleteFetchTasks();
            }
            case SETTLED_MARK_LOST -> loseOneSettledMarkPerRunningCrawl();
        }
        try {
            whileBroken.run();
            if (fault != Fault.GATEWAY_KILLED && fault != Fault.FETCH_TASKS_LOST) {
                await("every service process outlives " + fault)
                        .during(hold)
                        .atMost(hold.plusSeconds(10))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(this::allAlive);
            }
        } finally {
            switch (fault) {
                case BROKER_KILLED -> broker.startAgain();
                case GATEWAY_KILLED -> processes.restart("gateway");
                case POSTGRES_RESTARTED -> postgres.startAgain();
                case REDIS_PAUSED -> awaitRedis(hold.plusMinutes(1));
                case FETCHER_FROZEN -> frozen.resume();
                case FETCH_TASKS_LOST -> fetchers().forEach(processes::restart);
                case SETTLED_MARK_LOST -> {}
            }
        }
        awaitHealthy();
        windows.add(new FaultWindow(fault, start, Instant.now()));
    }

    /** Waits until every service answers 200 on /health: none is left DOWN. */
    void awaitHealthy() {
        await("every service healthy")
                .atMost(HEALTHY_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> processes.processes().stream()
                                .filter(p -> !p.isHealthy())
                                .map(ServiceProcess::name)
                                .toList(),
                        Matchers.empty());
    }

    private boolean allAlive() {
        return processes.processes().stream().allMatch(ServiceProcess::isAlive);
    }

    private List<String> fetchers() {
        return processes.processes().stream()
                .map(ServiceProcess::name)
                .filter(name -> name.startsWith("fetcher"))
                .toList();
    }

    /** Deletes every record of {@code crawl.fetch}, as far as each partition's end. */
    private void deleteFetchTasks() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(Topics.FETCH))
                            .allTopicNames()
                            .get()
                            .get(Topics.FETCH)
                            .partitions()
                            .stream()
                            .map(partition -> new TopicPartition(Topics.FETCH, partition.partition()))
                            .toList();
            Map<TopicPartition, RecordsToDelete> toDelete = new HashMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get()
                    .forEach((partition, end) -> toDelete.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(toDelete).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot delete the fetch tasks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes one member of the settled set of every crawl that is not stopped. */
    private void loseOneSettledMarkPerRunningCrawl() {
        try (Jedis redis = new Jedis(URI.create(this.redis.uri()))) {
            for (String settled : redis.keys("crawl:*:settled")) {
                UUID job = UUID.fromString(settled.substring(settled.indexOf('{') + 1, settled.indexOf('}')));
                if (!redis.exists(JobKeys.stopped(job))) {
                    redis.spop(settled);
                }
            }
        }
    }

    private void pauseRedis(Duration hold) {
        try (Jedis redis = new Jedis(URI.create(this.redis.uri()))) {
            redis.clientPause(hold.toMillis());
        }
    }

    /** Until a new connection's PING is answered: the pause is over. */
    private void awaitRedis(Duration within) {
        await("Redis answers again")
                .atMost(within)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (Jedis redis = new Jedis(URI.create(this.redis.uri()), 2000)) {
                        return "PONG".equals(redis.ping());
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        processes.processes().forEach(ServiceProcess::kill);
        broker.close();
        postgres.close();
        redis.close();
    }
}
