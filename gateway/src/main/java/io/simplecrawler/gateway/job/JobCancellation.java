package io.simplecrawler.gateway.job;

import io.lettuce.core.api.StatefulRedisConnection;
import io.simplecrawler.gateway.kafka.JobCommandClient;
import io.simplecrawler.gateway.kafka.JobEventClient;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a job (invariant 6): the row turns cancelled, then the job joins the Redis set that
 * fetchers check right before every request, so no new request starts once this returns. The
 * {@link JobCancelled} command and the {@code CANCELLED} event follow for the frontier and for
 * listeners; the set alone already stops the crawl.
 */
@Singleton
public class JobCancellation {
    private static final Logger LOG = LoggerFactory.getLogger(JobCancellation.class);

    public enum Outcome { CANCELLED, ALREADY_FINISHED, NOT_FOUND }

    private final JobRepository jobs;
    private final StatefulRedisConnection<String, String> redis;
    private final JobCommandClient commands;
    private final JobEventClient events;

    JobCancellation(JobRepository jobs, StatefulRedisConnection<String, String> redis,
                    JobCommandClient commands, JobEventClient events) {
        this.jobs = jobs;
        this.redis = redis;
        this.commands = commands;
        this.events = events;
    }

    public Outcome cancel(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (jobs.cancel(id, now) == 0) {
            return jobs.existsById(id) ? Outcome.ALREADY_FINISHED : Outcome.NOT_FOUND;
        }
        redis.sync().sadd(JobKeys.CANCELLED, id.toString());
        LOG.info("Job {} cancelled", id);
        try {
            commands.send(id.toString(), EventJson.write(new JobCancelled(id, now)));
            events.send(id.toString(), EventJson.write(
                    new JobEvent(id, JobEvent.Type.CANCELLED, 0, 0, 0, null, now)));
        } catch (RuntimeException e) {
            LOG.warn("Job {} cancelled, but its cancel records were not published: {}", id, e.getMessage());
        }
        return Outcome.CANCELLED;
    }
}
