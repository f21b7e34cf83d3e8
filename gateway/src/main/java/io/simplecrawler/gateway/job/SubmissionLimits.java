package io.simplecrawler.gateway.job;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.simplecrawler.crawlstate.SubmissionCounts;
import io.simplecrawler.gateway.auth.ApiCaller;
import jakarta.inject.Singleton;

/**
 * Per-key limits on submissions: jobs open at once, and submissions per minute (counted in Redis,
 * so shared by gateway replicas). Open mode has no limits.
 */
@Singleton
public class SubmissionLimits {
    private final JobRepository jobs;
    private final SubmissionCounts submissions;
    private final int openJobs;
    private final int perMinute;

    SubmissionLimits(JobRepository jobs, SubmissionCounts submissions, LimitsConfiguration limits) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.openJobs = limits.openJobs();
        this.perMinute = limits.submissionsPerMinute();
    }

    /** Refuses with 429 when the caller is over a limit; counts this submission otherwise. */
    public void admit(ApiCaller caller) {
        if (caller.name() == null) {
            return;
        }
        if (submissions.add(caller.name()) > perMinute) {
            throw new HttpStatusException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "more than " + perMinute + " submissions this minute for key " + caller.name());
        }
        if (jobs.countOpen(caller.name()) >= openJobs) {
            throw new HttpStatusException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "key " + caller.name() + " already has " + openJobs + " jobs pending or running");
        }
    }
}
