package io.simplecrawler.exporter.watchdog;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An open job that has written no page since {@code since}.
 *
 * @param total the page count the frontier reported once the crawl finished, or null before
 */
record StalledJob(UUID id, Instant since, long written, long admitted, Long total) {

    /** Every page the crawl reported is written: the job can complete rather than fail. */
    boolean isComplete() {
        return total != null && written >= total;
    }

    /** @param redrives how many times the frontier was asked to re-emit the job's unsettled tasks */
    String reason(Instant now, int redrives) {
        long minutes = Math.max(1, Duration.between(since, now).toMinutes());
        return "stalled: no page written for " + minutes + " min (since " + since + "); " + written + " of "
                + admitted + " admitted pages written; its unsettled fetch tasks were re-emitted " + redrives
                + " time(s) without progress; ended by the exporter's watchdog";
    }
}
