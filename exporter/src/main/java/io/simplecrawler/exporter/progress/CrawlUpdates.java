package io.simplecrawler.exporter.progress;

import io.simplecrawler.schemas.CrawlCancelled;
import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.CrawlFinished;
import io.simplecrawler.schemas.JobRejected;
import io.simplecrawler.schemas.UrlsAdmitted;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of the frontier's facts changes, folded per job.
 *
 * @param admitted  the highest admitted count per job ({@link UrlsAdmitted})
 * @param totals    the number of page records per finished crawl ({@link CrawlFinished})
 * @param failures  why the frontier rejected a job ({@link JobRejected})
 * @param filtered  the highest count of links the frontier's trap defences filtered, per job
 * @param cancelled the jobs whose crawl the frontier stopped ({@link CrawlCancelled})
 */
public record CrawlUpdates(
        Map<UUID, Long> admitted,
        Map<UUID, Long> totals,
        Map<UUID, String> failures,
        Map<UUID, Long> filtered,
        Set<UUID> cancelled) {

    public static CrawlUpdates of(List<CrawlFact> facts) {
        var updates = new CrawlUpdates(
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashSet<>());
        for (CrawlFact fact : facts) {
            if (fact instanceof UrlsAdmitted admitted) {
                updates.admitted.merge(fact.jobId(), admitted.admitted(), Math::max);
                updates.filtered.merge(fact.jobId(), admitted.filtered(), Math::max);
            } else if (fact instanceof CrawlFinished finished) {
                updates.totals.put(fact.jobId(), finished.total());
                updates.filtered.merge(fact.jobId(), finished.filtered(), Math::max);
            } else if (fact instanceof JobRejected rejected) {
                updates.failures.put(fact.jobId(), rejected.reason());
            } else if (fact instanceof CrawlCancelled) {
                updates.cancelled.add(fact.jobId());
            }
        }
        return updates;
    }

    public Set<UUID> jobIds() {
        Set<UUID> ids = new HashSet<>(admitted.keySet());
        ids.addAll(totals.keySet());
        ids.addAll(failures.keySet());
        ids.addAll(filtered.keySet());
        ids.addAll(cancelled);
        return ids;
    }
}
