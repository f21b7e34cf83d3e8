package io.simplecrawler.exporter.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.simplecrawler.schemas.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * {@code results.json}: {@code {"job": {...}, "pages": [{url, title, depth, status, markdown,
 * text, links}, ...]}}, streamed page by page.
 */
final class JsonResults implements ResultFormat {
    @Override
    public void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException {
        try (JsonGenerator json = EventJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            writeJob(json, job);
            json.writeArrayFieldStart("pages");
            pages.forEach(page -> {
                json.writeStartObject();
                json.writeStringField("url", page.url());
                json.writeStringField("finalUrl", page.finalUrl());
                json.writeStringField("title", page.title());
                json.writeNumberField("depth", page.depth());
                json.writeNumberField("status", page.status());
                json.writeStringField("markdown", page.markdown());
                json.writeStringField("text", page.text());
                json.writeArrayFieldStart("links");
                for (String link : page.links() == null ? List.<String>of() : page.links()) {
                    json.writeString(link);
                }
                json.writeEndArray();
                json.writeEndObject();
            });
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeJob(JsonGenerator json, JobSummary job) throws IOException {
        json.writeObjectFieldStart("job");
        json.writeStringField("id", job.id().toString());
        json.writeStringField("url", job.url());
        json.writeStringField("status", job.status());
        json.writeStringField("format", job.format().wireName());
        json.writeNumberField("pagesTotal", job.pagesTotal());
        json.writeNumberField("pagesCrawled", job.pagesCrawled());
        json.writeNumberField("pagesFailed", job.pagesFailed());
        json.writeNumberField("bytesDownloaded", job.bytesDownloaded());
        writeInstant(json, "createdAt", job.createdAt());
        writeInstant(json, "startedAt", job.startedAt());
        writeInstant(json, "finishedAt", job.finishedAt());
        json.writeEndObject();
    }

    private static void writeInstant(JsonGenerator json, String field, Instant value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }
}
