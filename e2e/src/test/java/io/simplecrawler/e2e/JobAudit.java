package io.simplecrawler.e2e;

import io.simplecrawler.crawlstate.JobKeys;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;

/**
 * What must hold for a finished job, whatever happened during its crawl: it is terminal, and when
 * completed, pages.jsonl has each admitted URL exactly once (the Redis admitted set while it
 * exists, else as many pages as expected), the job's counters agree with the pages' outcomes, and
 * the result file has each fetched page once. Returns what is wrong, so that one run can report
 * every job at once.
 */
final class JobAudit {
    private final Path resultsDir;
    private final Function<UUID, Set<String>> admitted;

    JobAudit(Path resultsDir, String redisUri) {
        this(resultsDir, id -> admitted(redisUri, id));
    }

    /**
     * @param admitted a job's admitted URLs (the Redis hash {@link JobKeys#admitted(UUID)}), read
     *     however the test reaches that Redis; empty once the job's keys are cleaned up
     */
    JobAudit(Path resultsDir, Function<UUID, Set<String>> admitted) {
        this.resultsDir = resultsDir;
        this.admitted = admitted;
    }

    /**
     * @param job the job as GET /jobs/{id} shows it
     * @param expectedPages how many URLs it must have admitted, or -1 when not known
     * @return every violation found, each naming the job; empty when all holds
     */
    List<String> violations(Map<String, Object> job, int expectedPages) {
        List<String> violations = new ArrayList<>();
        UUID id = UUID.fromString((String) job.get("id"));
        String status = (String) job.get("status");
        if (!CrawlApi.FINISHED.contains(status)) {
            violations.add(id + " is not terminal: " + status);
            return violations;
        }
        if (!status.equals("completed")) {
            return violations;
        }
        Path folder = resultsDir.resolve(id.toString());
        List<PageRecord> pages = pageRecords(folder.resolve("pages.jsonl"));
        Map<String, PageRecord> byUrl =
                pages.stream().collect(Collectors.toMap(PageRecord::url, Function.identity(), (a, b) -> a));
        if (byUrl.size() != pages.size()) {
            violations.add(id + ": pages.jsonl has " + pages.size() + " lines for " + byUrl.size() + " URLs");
        }
        Set<String> admitted = this.admitted.apply(id);
        if (!admitted.isEmpty() && !admitted.equals(byUrl.keySet())) {
            violations.add(id + ": pages.jsonl and the admitted URLs differ; not written: "
                    + difference(admitted, byUrl.keySet()) + ", not admitted: " + difference(byUrl.keySet(), admitted));
        }
        if (expectedPages >= 0 && byUrl.size() != expectedPages) {
            violations.add(id + ": " + byUrl.size() + " pages in pages.jsonl, expected " + expectedPages);
        }
        counter(violations, job, "pagesCrawled", pages, FetchOutcome.FETCHED);
        counter(violations, job, "pagesFailed", pages, FetchOutcome.FAILED);
        counter(violations, job, "robotsBlocked", pages, FetchOutcome.BLOCKED);
        counter(violations, job, "pagesSkipped", pages, FetchOutcome.SKIPPED);
        List<String> fetched = pages.stream()
                .filter(PageRecord::succeeded)
                .map(PageRecord::url)
                .toList();
        List<String> inResults = resultUrls(folder, requestedFormat(job));
        if (inResults.size() != new HashSet<>(inResults).size()
                || !new HashSet<>(inResults).equals(new HashSet<>(fetched))) {
            violations.add(id + ": the result file has " + inResults.size() + " page sections for " + fetched.size()
                    + " fetched pages; missing: " + difference(new HashSet<>(fetched), new HashSet<>(inResults)));
        }
        return violations;
    }

    private static void counter(
            List<String> violations,
            Map<String, Object> job,
            String field,
            List<PageRecord> pages,
            FetchOutcome outcome) {
        long counted = pages.stream().filter(p -> p.outcome() == outcome).count();
        long shown = ((Number) job.get(field)).longValue();
        if (shown != counted) {
            violations.add(
                    job.get("id") + ": " + field + " is " + shown + " but pages.jsonl has " + counted + " " + outcome);
        }
    }

    private static String requestedFormat(Map<String, Object> job) {
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) job.get("request");
        return String.valueOf(request.get("format"));
    }

    /** The page URLs of the primary result file, in file order: results.json's pages, or results.md's "Source:" lines. */
    private static List<String> resultUrls(Path folder, String format) {
        try {
            if (format.equals("json")) {
                Map<String, Object> results = CrawlApi.json(Files.readString(folder.resolve("results.json")));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> pages = (List<Map<String, Object>>) results.get("pages");
                return pages.stream().map(page -> (String) page.get("url")).toList();
            }
            return Files.readAllLines(folder.resolve("results.md")).stream()
                    .filter(line -> line.startsWith("Source: <"))
                    .map(line -> line.substring("Source: <".length(), line.indexOf('>')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PageRecord> pageRecords(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(line -> EventJson.read(line.getBytes(StandardCharsets.UTF_8), PageRecord.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's admitted URLs, empty once the job's Redis keys are cleaned up. */
    private static Set<String> admitted(String redisUri, UUID id) {
        try (Jedis redis = new Jedis(URI.create(redisUri))) {
            return redis.hkeys(JobKeys.admitted(id));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d.size() > 5 ? Set.of(d.size() + " URLs, e.g. " + d.iterator().next()) : d;
    }
}
