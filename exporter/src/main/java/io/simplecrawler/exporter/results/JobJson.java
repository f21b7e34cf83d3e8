package io.simplecrawler.exporter.results;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/** The "job" object of results.json and manifest.json. */
final class JobJson {
    private JobJson() {}

    static void write(JsonGenerator json, JobSummary job) throws IOException {
        json.writeObjectFieldStart("job");
        json.writeStringField("id", job.id().toString());
        json.writeStringField("url", job.url());
        json.writeStringField("status", job.status());
        json.writeStringField("format", job.format().wireName());
        json.writeNumberField("pagesTotal", job.pagesTotal());
        json.writeNumberField("pagesCrawled", job.pagesCrawled());
        json.writeNumberField("pagesFailed", job.pagesFailed());
        json.writeNumberField("bytesDownloaded", job.bytesDownloaded());
        instant(json, "createdAt", job.createdAt());
        instant(json, "startedAt", job.startedAt());
        instant(json, "finishedAt", job.finishedAt());
        json.writeStringField("error", job.error());
        json.writeEndObject();
    }

    static void instant(JsonGenerator json, String field, Instant value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }
}
