package io.simplecrawler.exporter.progress;

import io.simplecrawler.schemas.JobEvent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of frontier events changes, folded per job.
 *
 * @param admitted the highest admitted count per job ({@code PROGRESS})
 * @param totals   the number of page records per finished crawl ({@code CRAWLED})
 * @param failures why a job failed ({@code FAILED})
 * @param filtered the highest count of links the frontier's trap defences filtered, per job
 */
public record CrawlUpdates(Map<UUID, Long> admitted, Map<UUID, Long> totals, Map<UUID, String> failures,
                           Map<UUID, Long> filtered) {

    public static CrawlUpdates of(List<JobEvent> events) {
        var updates = new CrawlUpdates(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
        for (JobEvent event : events) {
            if (event.filtered() != null && (event.type() == JobEvent.Type.PROGRESS || event.type() == JobEvent.Type.CRAWLED)) {
                updates.filtered.merge(event.jobId(), event.filtered(), Math::max);
            }
            switch (event.type()) {
                case PROGRESS -> updates.admitted.merge(event.jobId(), event.total(), Math::max);
                case CRAWLED -> updates.totals.put(event.jobId(), event.total());
                case FAILED -> updates.failures.put(event.jobId(), event.error() == null ? "failed" : event.error());
                // STARTED, PAGE and COMPLETED are the exporter's own events read back; cancellation is the gateway's
                case STARTED, PAGE, COMPLETED, CANCELLED -> { }
            }
        }
        return updates;
    }

    public Set<UUID> jobIds() {
        Set<UUID> ids = new HashSet<>(admitted.keySet());
        ids.addAll(totals.keySet());
        ids.addAll(failures.keySet());
        ids.addAll(filtered.keySet());
        return ids;
    }
}
