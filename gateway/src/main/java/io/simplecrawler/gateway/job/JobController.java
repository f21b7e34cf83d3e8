package io.simplecrawler.gateway.job;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@Controller
public class JobController {
    private final JobSubmission submission;
    private final JobRepository jobs;

    JobController(JobSubmission submission, JobRepository jobs) {
        this.submission = submission;
        this.jobs = jobs;
    }

    @Post("/crawl")
    HttpResponse<JobView> submit(@Body @Valid CrawlRequest request) {
        Job job = submission.submit(request);
        return HttpResponse.accepted(URI.create("/jobs/" + job.id())).body(JobView.of(job));
    }

    @Get("/jobs/{id}")
    Optional<JobView> find(UUID id) {
        return jobs.findById(id).map(JobView::of);
    }
}
