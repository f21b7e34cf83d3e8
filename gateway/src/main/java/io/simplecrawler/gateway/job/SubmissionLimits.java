package io.simplecrawler.gateway.job;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.schemas.JobKeys;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Per-key limits on submissions: jobs open at once, and submissions per minute (counted in Redis,
 * so shared by gateway replicas). Open mode has no limits.
 */
@Singleton
public class SubmissionLimits {
    private final JobRepository jobs;
    private final StatefulRedisConnection<String, String> redis;
    private final int openJobs;
    private final int perMinute;

    SubmissionLimits(JobRepository jobs, StatefulRedisConnection<String, String> redis, LimitsConfiguration limits) {
        this.jobs = jobs;
        this.redis = redis;
        this.openJobs = limits.openJobs();
        this.perMinute = limits.submissionsPerMinute();
    }

    /** Refuses with 429 when the caller is over a limit; counts this submission otherwise. */
    public void admit(ApiCaller caller) {
        if (caller.name() == null) {
            return;
        }
        String window = JobKeys.submissions(caller.name(), Instant.now().getEpochSecond() / 60);
        long thisMinute = redis.sync().incr(window);
        redis.sync().expire(window, 120);
        if (thisMinute > perMinute) {
            throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "more than " + perMinute + " submissions this minute for key " + caller.name());
        }
        if (jobs.countOpen(caller.name()) >= openJobs) {
            throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "key " + caller.name() + " already has " + openJobs + " jobs pending or running");
        }
    }
}
