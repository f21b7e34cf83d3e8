package io.simplecrawler.gateway.results;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.types.files.SystemFile;
import io.simplecrawler.gateway.auth.ApiCaller;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.job.JobAccess;
import io.simplecrawler.schemas.JobStatus;
import io.simplecrawler.schemas.OutputFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

@Controller
public class ResultsController {
    private final JobAccess access;
    private final ResultFolders folders;
    private final String accelRedirect;

    ResultsController(JobAccess access, ResultFolders folders, ResultsConfiguration configuration) {
        this.access = access;
        this.folders = folders;
        this.accelRedirect = configuration.accelRedirect();
    }

    /** The job's primary result file; 409 until the job is completed. */
    @Get("/jobs/{id}/results")
    HttpResponse<SystemFile> results(HttpRequest<?> http, UUID id) {
        Job job = access.get(id, ApiCaller.of(http));
        if (job.status() != JobStatus.COMPLETED) {
            throw new HttpStatusException(
                    HttpStatus.CONFLICT, "job " + id + " is " + job.status().wireName() + ", not completed");
        }
        String name = OutputFormat.fromWireName(job.format()).fileName();
        Path file = folders.file(id, name)
                .orElseThrow(() ->
                        new HttpStatusException(HttpStatus.NOT_FOUND, "result file of job " + id + " is missing"));
        return HttpResponse.ok(new SystemFile(file.toFile(), contentType(name)));
    }

    /**
     * One file of the job's folder, as an attachment. Names that are not plain file names are 404.
     * Behind nginx ({@code gateway.results.accel-redirect} set), the answer carries no body but
     * {@code X-Accel-Redirect: <prefix><id>/<file>}, and nginx sends the file itself.
     */
    @Get("/download/{id}/{file}")
    HttpResponse<?> download(HttpRequest<?> http, UUID id, String file) {
        access.get(id, ApiCaller.of(http));
        Path path = folders.file(id, file)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "job " + id + " has no such file"));
        if (accelRedirect.isEmpty()) {
            return HttpResponse.ok(new SystemFile(path.toFile(), contentType(file)).attach(file));
        }
        // plain file names only (ResultFolders), so the name needs no quoting beyond the quotes
        return HttpResponse.ok()
                .contentType(contentType(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header("X-Accel-Redirect", accelRedirect + id + "/" + file);
    }

    static MediaType contentType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md")) {
            return MediaType.of("text/markdown; charset=utf-8");
        } else if (name.endsWith(".jsonl")) {
            return MediaType.of("application/x-ndjson");
        } else if (name.endsWith(".json")) {
            return MediaType.APPLICATION_JSON_TYPE;
        } else if (name.endsWith(".gz")) {
            return MediaType.of("application/gzip");
        }
        return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }
}
