package io.simplecrawler.gateway.firecrawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.ReadableArticle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A page as Firecrawl's API shows it, made from the job's page record, with the formats the job
 * asked for and only those (a job stored before jobs kept their formats shows Markdown and links).
 *
 * @param markdown the main content (readable extraction) when the job's format is readable, else the
 *                 whole page's Markdown
 * @param html     the page's content as HTML, the job's include and exclude tags applied
 * @param rawHtml  the page as fetched
 * @param links    every link of the page, absolute
 * @param summary  the page's extractive summary (its central sentences), when the job's format is summary
 * @param screenshot the URL of the page's full-page PNG (the job's download route, the caller's key
 *                   needed), when the job asked for screenshots and the renderer took one
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Document(
        @Nullable String markdown,
        @Nullable String html,
        @Nullable String rawHtml,
        @Nullable List<String> links,
        @Nullable String summary,
        @Nullable String screenshot,
        Metadata metadata) {

    /**
     * Firecrawl's {@code metadata}, as far as the page record has it.
     *
     * @param scrapeId   the page's identity within its job, the same on every read and in its webhook
     * @param sourceURL  the URL the crawl asked for
     * @param url        the URL after redirects
     * @param statusCode the HTTP status, or 0 when no answer came
     * @param error      why the page failed, when it did
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(
            @Nullable String title,
            @Nullable String description,
            @Nullable String language,
            String scrapeId,
            String sourceURL,
            String url,
            int statusCode,
            @Nullable String contentType,
            @Nullable List<String> keywords,
            @Nullable String error) {}

    /**
     * @param base the API's base URL as the caller reached it, for the screenshot's URL; empty where no
     *             request is at hand (a webhook), which leaves the URL relative to the API
     */
    static Document of(PageRecord page, JobSettings settings, String base) {
        ContentOptions content = settings.content();
        boolean legacy = content.formats().isEmpty();
        ReadableArticle readable = page.readable();
        String markdown = settings.format() == OutputFormat.READABLE && readable != null && readable.markdown() != null
                ? readable.markdown()
                : page.markdown();
        return new Document(
                legacy || content.wants("markdown") ? markdown : null,
                content.wants(ContentOptions.HTML) ? orEmpty(page.html()) : null,
                content.wants(ContentOptions.RAW_HTML) ? orEmpty(page.rawHtml()) : null,
                legacy || content.wants("links") ? (page.links() == null ? List.of() : page.links()) : null,
                page.summary() == null || !(legacy || content.wants("summary"))
                        ? null
                        : String.join(" ", page.summary().sentences()),
                settings.screenshot() && page.screenshot() != null
                        ? base + "/download/" + page.jobId() + "/" + page.screenshot()
                        : null,
                new Metadata(
                        page.title(),
                        page.description(),
                        page.language(),
                        scrapeId(page),
                        page.url(),
                        page.finalUrl() == null ? page.url() : page.finalUrl(),
                        page.status(),
                        page.contentType(),
                        page.summary() == null ? null : page.summary().keywords(),
                        page.error()));
    }

    /** A name-based UUID of (job, URL): each page of a job is recorded once, so it names one scrape. */
    private static String scrapeId(PageRecord page) {
        return UUID.nameUUIDFromBytes((page.jobId() + " " + page.url()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
