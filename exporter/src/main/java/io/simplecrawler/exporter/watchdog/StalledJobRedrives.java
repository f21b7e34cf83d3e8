package io.simplecrawler.exporter.watchdog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.simplecrawler.exporter.kafka.JobCommands;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reports each stalled job to the frontier on {@code crawl.jobs} ({@code JobStalled}), which
 * re-emits the fetch tasks of its unsettled URLs: at once, then again every {@code stallAfter}
 * while the job stays stalled, so a report lost to a broker outage is sent again. Kept in
 * memory: an exporter that restarts reports its stalled jobs once more, which is harmless.
 */
@Singleton
class StalledJobRedrives {
    private static final Logger LOG = LoggerFactory.getLogger(StalledJobRedrives.class);

    private final JobCommands commands;
    private final WatchdogConfiguration configuration;
    private final Map<UUID, Redrive> redrives = new ConcurrentHashMap<>();
    private final Counter sent;

    StalledJobRedrives(JobCommands commands, WatchdogConfiguration configuration, MeterRegistry meters) {
        this.commands = commands;
        this.configuration = configuration;
        this.sent = Counter.builder("simplecrawler.exporter.jobs.redriven")
                .description("JobStalled reports sent to the frontier to re-emit unsettled fetch tasks")
                .register(meters);
    }

    /** @param stalled every open job that is stalled now; the others are forgotten */
    void redrive(Collection<StalledJob> stalled, Instant now) {
        Set<UUID> open = stalled.stream().map(StalledJob::id).collect(Collectors.toSet());
        redrives.keySet().retainAll(open);
        for (StalledJob job : stalled) {
            Redrive last = redrives.get(job.id());
            if (last == null || !last.at().plus(configuration.stallAfter()).isAfter(now)) {
                send(job, last == null ? 1 : last.times() + 1, now);
            }
        }
    }

    /** How many times the job was reported, 0 if never. */
    int times(UUID jobId) {
        Redrive last = redrives.get(jobId);
        return last == null ? 0 : last.times();
    }

    private void send(StalledJob job, int times, Instant now) {
        try (var context = MDC.putCloseable("crawl.jobId", job.id().toString())) {
            commands.stalled(job.id(), job.since());
            redrives.put(job.id(), new Redrive(now, times));
            sent.increment();
            LOG.info(
                    "Job {} stalled since {}: asked the frontier to re-emit its unsettled tasks ({} time(s))",
                    job.id(),
                    job.since(),
                    times);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Job {} stalled: could not report it to the frontier, trying again at the next check: {}",
                    job.id(),
                    e.toString());
        }
    }

    private record Redrive(Instant at, int times) {}
}
