package io.simplecrawler.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.localstack.ServiceProcess;
import io.simplecrawler.testkit.MixedSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The soak: for {@code SOAK_MINUTES} (1 by default, as part of the tests; {@code make soak} runs
 * 20), random jobs (sizes, concurrency, formats, cancels, deletes) on three generated mixed sites,
 * with a random fault of {@link Fault} injected on a schedule, all from {@code SOAK_SEED} (fixed by
 * default, printed). At the end every job is terminal and passes {@link JobAudit}, deleted jobs are
 * gone, every service is healthy, no service logged an ERROR outside a fault (and a minute after
 * it), and Redis is back to the keys it held before (but for robots.txt copies and webhook marks).
 * Prints one line starting with {@code SOAK}: jobs, pages, faults, failures.
 */
class SoakTest {
    private static final Duration FINISH_DEADLINE = Duration.ofMinutes(6);
    private static final Duration ERROR_GRACE = Duration.ofMinutes(1);
    private static final int OPEN_JOBS = 6;
    private static final int[] CONCURRENCY = {1, 4, 16, 32};
    private static final int[] PAGES = {20, 50, 100, 300};
    private static final String[] FORMATS = {"markdown", "json", "readable", "summary"};

    private final Map<UUID, Integer> jobs = new LinkedHashMap<>();
    private final List<UUID> deleted = new ArrayList<>();
    private int cancels;

    @Test
    void randomJobsAndFaultsLeaveEveryJobTerminalAndConsistent() {
        Duration length = Duration.ofMinutes(Long.parseLong(env("SOAK_MINUTES", "1")));
        long seed = Long.parseLong(env("SOAK_SEED", "20261204"));
        System.out.println("SOAK seed=" + seed + " minutes=" + length.toMinutes());
        Random random = new Random(seed);
        List<MixedSite> sites = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> MixedSite.start("127.0.0.5" + i, seed + i, 10_000))
                .toList();
        // crawl state expires within a minute of a crawl's stop, so the soak can see Redis back to its baseline
        try (FaultStack stack = FaultStack.start(
                "e2e-soak",
                Map.of("FRONTIER_FINISHED_CRAWL_RETENTION", "20s", "FRONTIER_STOPPED_CRAWL_RETENTION", "40s"))) {
            long redisBaseline = crawlStateKeys(stack.redisUri());
            Duration faultEvery = length.dividedBy(4);
            Instant end = Instant.now().plus(length);
            Instant nextFault = Instant.now().plus(faultEvery.dividedBy(2));
            while (Instant.now().isBefore(end)) {
                submitRandomJob(stack.api(), sites, random);
                switch (random.nextInt(8)) {
                    case 0 -> cancelOne(stack.api(), random);
                    case 1 -> deleteOne(stack.api(), random);
                    default -> {}
                }
                if (Instant.now().isAfter(nextFault)) {
                    Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
                    stack.inject(
                            fault,
                            Duration.ofSeconds(fault == Fault.GATEWAY_KILLED ? 0 : 10 + random.nextInt(21)),
                            () -> {});
                    nextFault = Instant.now().plus(faultEvery);
                }
                await("fewer than " + OPEN_JOBS + " open jobs")
                        .atMost(FINISH_DEADLINE)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> openJobs(stack.api()) < OPEN_JOBS);
            }

            List<String> violations = new ArrayList<>();
            JobAudit audit = stack.audit();
            Instant deadline = Instant.now().plus(FINISH_DEADLINE);
            long pages = 0;
            for (Map.Entry<UUID, Integer> entry : jobs.entrySet()) {
                Map<String, Object> job =
                        stack.api().awaitFinished(entry.getKey(), Duration.between(Instant.now(), deadline));
                violations.addAll(audit.violations(job, entry.getValue()));
                pages += ((Number) job.get("pagesCrawled")).longValue();
            }
            for (UUID id : deleted) {
                if (stack.api().get("/jobs/" + id).statusCode() != 404
                        || Files.exists(stack.resultsDir().resolve(id.toString()))) {
                    violations.add(id + " was deleted but its row or folder is still there");
                }
            }
            stack.awaitHealthy();
            violations.addAll(unexpectedErrors(stack));
            long redisGrowth = redisGrowthAfterRetention(stack.redisUri(), redisBaseline);
            if (redisGrowth > 0) {
                violations.add("Redis holds " + redisGrowth + " more keys than before the soak (robots.txt copies and"
                        + " webhook marks, which have their own time to live, not counted)");
            }
            System.out.println("SOAK seed=" + seed + " minutes=" + length.toMinutes() + " jobs="
                    + (jobs.size() + deleted.size())
                    + " cancelled=" + cancels + " deleted=" + deleted.size() + " pages=" + pages
                    + " faults="
                    + stack.windows().stream().map(w -> w.fault().name()).toList()
                    + " redisKeyGrowth=" + redisGrowth + " failures=" + violations.size());
            violations.forEach(v -> System.out.println("SOAK violation: " + v));
            assertEquals(List.of(), violations, "seed " + seed);
        } finally {
            sites.forEach(MixedSite::close);
        }
    }

    private void submitRandomJob(CrawlApi api, List<MixedSite> sites, Random random) {
        MixedSite site = sites.get(random.nextInt(sites.size()));
        int maxPages = PAGES[random.nextInt(PAGES.length)];
        UUID id = api.submit(Map.of(
                "url",
                site.pageUrl(random.nextInt(500)),
                "maxDepth",
                10,
                "maxPages",
                maxPages,
                "concurrency",
                CONCURRENCY[random.nextInt(CONCURRENCY.length)],
                "delayMs",
                0,
                "format",
                FORMATS[random.nextInt(FORMATS.length)]));
        jobs.put(id, maxPages);
    }

    /** Cancels a random job; the audit then accepts it cancelled, or completed if it finished first. */
    private void cancelOne(CrawlApi api, Random random) {
        UUID id = randomJob(random);
        int status = api.cancel(id).statusCode();
        if (status != 202 && status != 200 && status != 409) {
            throw new AssertionError("cancel of " + id + " answered " + status);
        }
        cancels++;
    }

    private void deleteOne(CrawlApi api, Random random) {
        UUID id = randomJob(random);
        int status = api.delete("/jobs/" + id).statusCode();
        if (status != 204) {
            throw new AssertionError("DELETE of " + id + " answered " + status);
        }
        jobs.remove(id);
        deleted.add(id);
    }

    private UUID randomJob(Random random) {
        List<UUID> ids = List.copyOf(jobs.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private long openJobs(CrawlApi api) {
        return jobs.keySet().stream()
                .filter(id -> !CrawlApi.FINISHED.contains((String) api.job(id).get("status")))
                .count();
    }

    /** ERROR lines of every service's log that no fault explains: logged outside every fault's window and grace. */
    private static List<String> unexpectedErrors(FaultStack stack) {
        List<String> errors = new ArrayList<>();
        for (ServiceProcess process : stack.processes().processes()) {
            for (String line : lines(process.logFile())) {
                if (!line.startsWith("{") || !line.contains("\"level\":\"ERROR\"")) {
                    continue;
                }
                Instant at = Instant.ofEpochMilli(((Number) CrawlApi.json(line).get("timestamp")).longValue());
                boolean duringFault = stack.windows().stream()
                        .anyMatch(w ->
                                !at.isBefore(w.start()) && !at.isAfter(w.end().plus(ERROR_GRACE)));
                if (!duringFault) {
                    errors.add(process.name() + " logged an ERROR outside any fault: "
                            + line.substring(0, Math.min(400, line.length())));
                }
            }
        }
        return errors;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys beyond the baseline once the crawl states had time to expire; 0 as soon as there are none. */
    private static long redisGrowthAfterRetention(String redisUri, long baseline) {
        try {
            await("Redis back to its baseline")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> crawlStateKeys(redisUri) <= baseline);
        } catch (ConditionTimeoutException e) {
            // reported as a violation by the caller, with the count
        }
        return crawlStateKeys(redisUri) - baseline;
    }

    /** Every key but the robots.txt copies (24 h) and webhook marks (7 days), which expire by their own time to live. */
    private static long crawlStateKeys(String redisUri) {
        try (Jedis redis = new Jedis(URI.create(redisUri))) {
            return redis.keys("*").stream()
                    .filter(key -> !key.contains("}:robots:") && !key.endsWith("}:webhook-terminal"))
                    .count();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
