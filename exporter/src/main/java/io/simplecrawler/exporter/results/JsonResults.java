package io.simplecrawler.exporter.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.Heading;
import io.simplecrawler.schemas.PageRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code results.json}: {@code {"job": {...}, "pages": [...]}}, the fetched pages in crawl
 * order, each with url, finalUrl, title, description, language, canonical, depth, status,
 * contentType, fetchedAt, fetchMs, bytes, wordCount, headings [{level, text}], links
 * {internal, external}, text and markdown; streamed page by page. Missing values are null.
 */
final class JsonResults implements ResultFormat {
    @Override
    public void write(JobSummary job, CrawlOrder pages, OutputStream out) throws IOException {
        try (JsonGenerator json = EventJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            JobJson.write(json, job);
            json.writeArrayFieldStart("pages");
            pages.forEach(page -> writePage(json, page));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writePage(JsonGenerator json, PageRecord page) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", page.url());
        json.writeStringField("finalUrl", page.finalUrl());
        json.writeStringField("title", page.title());
        json.writeStringField("description", page.description());
        json.writeStringField("language", page.language());
        // the record names a canonical URL only when it differs from the final URL
        json.writeStringField("canonical", page.canonicalUrl() != null ? page.canonicalUrl() : page.finalUrl());
        json.writeNumberField("depth", page.depth());
        json.writeNumberField("status", page.status());
        json.writeStringField("contentType", page.contentType());
        JobJson.instant(json, "fetchedAt", page.fetchedAt());
        json.writeNumberField("fetchMs", page.fetchMs());
        json.writeNumberField("bytes", page.bytes());
        if (page.wordCount() == null) {
            json.writeNullField("wordCount");
        } else {
            json.writeNumberField("wordCount", page.wordCount());
        }
        json.writeArrayFieldStart("headings");
        for (Heading heading : orEmpty(page.headings())) {
            json.writeStartObject();
            json.writeNumberField("level", heading.level());
            json.writeStringField("text", heading.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("links");
        writeStrings(json, "internal", page.internalLinks());
        writeStrings(json, "external", page.externalLinks());
        json.writeEndObject();
        json.writeStringField("text", page.text());
        json.writeStringField("markdown", page.markdown());
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : orEmpty(values)) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
