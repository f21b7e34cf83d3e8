package io.simplecrawler.gateway.job;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.simplecrawler.gateway.auth.ApiCaller;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** The jobs a caller may see: its own, or all for an admin; any other job does not exist for it. */
@Singleton
public class JobAccess {
    private final JobRepository jobs;

    JobAccess(JobRepository jobs) {
        this.jobs = jobs;
    }

    public Optional<Job> find(UUID id, ApiCaller caller) {
        return jobs.findById(id).filter(job -> caller.owns(job.owner()));
    }

    /** The job, or 404 for the caller. */
    public Job get(UUID id, ApiCaller caller) {
        return find(id, caller).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    }
}
