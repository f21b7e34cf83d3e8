package io.simplecrawler.gateway.results;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.types.files.SystemFile;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.gateway.job.JobStatus;
import io.simplecrawler.schemas.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

@Controller
public class ResultsController {
    private static final MediaType MARKDOWN = MediaType.of("text/markdown; charset=utf-8");

    private final JobRepository jobs;
    private final Path resultsDir;

    ResultsController(JobRepository jobs, @Value("${gateway.results-dir}") Path resultsDir) {
        this.jobs = jobs;
        this.resultsDir = resultsDir;
    }

    /** The job's primary result file; 409 until the job is completed. */
    @Get("/jobs/{id}/results")
    HttpResponse<SystemFile> results(UUID id) {
        Job job = jobs.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no job " + id));
        if (!JobStatus.COMPLETED.wireName().equals(job.status())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "job " + id + " is " + job.status() + ", not completed");
        }
        OutputFormat format = OutputFormat.fromWireName(job.format());
        Path file = resultsDir.resolve(id.toString()).resolve(format.fileName());
        if (!Files.isRegularFile(file)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "result file of job " + id + " is missing");
        }
        MediaType type = format == OutputFormat.JSON ? MediaType.APPLICATION_JSON_TYPE : MARKDOWN;
        return HttpResponse.ok(new SystemFile(file.toFile(), type));
    }
}
