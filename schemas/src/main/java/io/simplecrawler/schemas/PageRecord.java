package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of one fetch task, successful or not.
 *
 * @param url         the task's URL, as admitted: the exporter deduplicates by it
 * @param finalUrl    the URL after redirects
 * @param status      the HTTP status, or 0 when no response arrived
 * @param fetchMs     milliseconds from request start to body parsed
 * @param bytes       body size in bytes
 * @param text        the visible text
 * @param markdown    the page converted to Markdown
 * @param error       why the fetch failed, or null
 * @param truncated   true when the body was longer than the job's maxBytes and was cut off
 *                    there (after decompression), or when the record's text, Markdown and links
 *                    were cut to fit in a Kafka record; null otherwise
 * @param redirects   the URLs the task was redirected to, in order (the last is finalUrl);
 *                    null when there was no redirect
 * @param canonicalUrl the page's {@code <link rel="canonical">}, absolute, when it names
 *                    another URL than finalUrl; null otherwise
 * @param description the page's meta description, or null
 * @param language    the page's declared language ({@code <html lang>}), or null
 * @param headings    the headings of the page's content, in document order; null when not parsed
 * @param wordCount   the number of words of the page's content (what the Markdown holds); null when not parsed
 * @param internalLinks the links of {@code links} to the page's own host; null when not parsed
 * @param externalLinks the links of {@code links} to other hosts; null when not parsed
 * @param readable    the main content as a reader view shows it; only when the job's format is readable
 * @param summary     an extractive summary and keywords; only when the job's format is summary
 * @param exchanges   the fetch's HTTP exchanges, redirects first; only when the job asked for a WARC
 * @param html        the page's content as HTML (what the Markdown is made from: the body without
 *                    non-content, the job's include and exclude tags applied, links absolute); only
 *                    when the job's content formats list {@code html}
 * @param rawHtml     the page as fetched, decoded; only when the job's content formats list {@code rawHtml}
 * @param rendered    true when the page was rendered in a browser (its text and links are the rendered
 *                    page's); null when it was not
 * @param renderMs    milliseconds the browser took, from navigation to the page's HTML taken; null when not rendered
 * @param screenshot  the file name of the page's full-page PNG in the job's folder; null when none was taken
 */
public record PageRecord(
        @JsonProperty(required = true) UUID jobId,
        @JsonProperty(required = true) String url,
        String finalUrl,
        int depth,
        @JsonProperty(required = true) FetchOutcome outcome,
        int status,
        String contentType,
        Instant fetchedAt,
        long fetchMs,
        long bytes,
        String title,
        String text,
        String markdown,
        List<String> links,
        String error,
        Boolean truncated,
        List<String> redirects,
        String canonicalUrl,
        String description,
        String language,
        List<Heading> headings,
        Integer wordCount,
        List<String> internalLinks,
        List<String> externalLinks,
        ReadableArticle readable,
        PageSummary summary,
        List<CapturedExchange> exchanges,
        String html,
        String rawHtml,
        Boolean rendered,
        Long renderMs,
        String screenshot) {

    /**
     * A record of one task, to be filled in with the fields its outcome has: e.g. a fetched page
     * {@code PageRecord.of(jobId, url, depth, FETCHED).finalUrl(..).status(200).title(..).build()}, a
     * task settled without a request {@code PageRecord.of(jobId, url, depth, CANCELLED).error(..).build()}.
     * Unset fields are null, which leaves them out of the JSON, or 0.
     */
    public static Builder of(UUID jobId, String url, int depth, FetchOutcome outcome) {
        return new Builder(jobId, url, depth, outcome);
    }

    /** A builder holding this record's fields, to make a changed copy. */
    public Builder toBuilder() {
        return of(jobId, url, depth, outcome)
                .finalUrl(finalUrl)
                .status(status)
                .contentType(contentType)
                .fetchedAt(fetchedAt)
                .fetchMs(fetchMs)
                .bytes(bytes)
                .title(title)
                .text(text)
                .markdown(markdown)
                .links(links)
                .error(error)
                .truncated(truncated)
                .redirects(redirects)
                .canonicalUrl(canonicalUrl)
                .description(description)
                .language(language)
                .headings(headings)
                .wordCount(wordCount)
                .internalLinks(internalLinks)
                .externalLinks(externalLinks)
                .readable(readable)
                .summary(summary)
                .exchanges(exchanges)
                .html(html)
                .rawHtml(rawHtml)
                .rendered(rendered)
                .renderMs(renderMs)
                .screenshot(screenshot);
    }

    /** The same record without its HTTP exchanges, which only the WARC file needs. */
    public PageRecord withoutExchanges() {
        return exchanges == null ? this : toBuilder().exchanges(null).build();
    }

    public boolean succeeded() {
        return outcome == FetchOutcome.FETCHED;
    }

    /** Builds a {@link PageRecord} field by field; see {@link PageRecord#of}. */
    public static final class Builder {
        private final UUID jobId;
        private final String url;
        private final int depth;
        private final FetchOutcome outcome;
        private String finalUrl;
        private int status;
        private String contentType;
        private Instant fetchedAt;
        private long fetchMs;
        private long bytes;
        private String title;
        private String text;
        private String markdown;
        private List<String> links;
        private String error;
        private Boolean truncated;
        private List<String> redirects;
        private String canonicalUrl;
        private String description;
        private String language;
        private List<Heading> headings;
        private Integer wordCount;
        private List<String> internalLinks;
        private List<String> externalLinks;
        private ReadableArticle readable;
        private PageSummary summary;
        private List<CapturedExchange> exchanges;
        private String html;
        private String rawHtml;
        private Boolean rendered;
        private Long renderMs;
        private String screenshot;

        private Builder(UUID jobId, String url, int depth, FetchOutcome outcome) {
            this.jobId = jobId;
            this.url = url;
            this.depth = depth;
            this.outcome = outcome;
        }

        public Builder finalUrl(String finalUrl) {
            this.finalUrl = finalUrl;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder fetchedAt(Instant fetchedAt) {
            this.fetchedAt = fetchedAt;
            return this;
        }

        public Builder fetchMs(long fetchMs) {
            this.fetchMs = fetchMs;
            return this;
        }

        public Builder bytes(long bytes) {
            this.bytes = bytes;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder markdown(String markdown) {
            this.markdown = markdown;
            return this;
        }

        public Builder links(List<String> links) {
            this.links = links;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder truncated(Boolean truncated) {
            this.truncated = truncated;
            return this;
        }

        public Builder redirects(List<String> redirects) {
            this.redirects = redirects;
            return this;
        }

        public Builder canonicalUrl(String canonicalUrl) {
            this.canonicalUrl = canonicalUrl;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder headings(List<Heading> headings) {
            this.headings = headings;
            return this;
        }

        public Builder wordCount(Integer wordCount) {
            this.wordCount = wordCount;
            return this;
        }

        public Builder internalLinks(List<String> internalLinks) {
            this.internalLinks = internalLinks;
            return this;
        }

        public Builder externalLinks(List<String> externalLinks) {
            this.externalLinks = externalLinks;
            return this;
        }

        public Builder readable(ReadableArticle readable) {
            this.readable = readable;
            return this;
        }

        public Builder summary(PageSummary summary) {
            this.summary = summary;
            return this;
        }

        public Builder exchanges(List<CapturedExchange> exchanges) {
            this.exchanges = exchanges;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        public Builder rawHtml(String rawHtml) {
            this.rawHtml = rawHtml;
            return this;
        }

        public Builder rendered(Boolean rendered) {
            this.rendered = rendered;
            return this;
        }

        public Builder renderMs(Long renderMs) {
            this.renderMs = renderMs;
            return this;
        }

        public Builder screenshot(String screenshot) {
            this.screenshot = screenshot;
            return this;
        }

        public PageRecord build() {
            return new PageRecord(
                    jobId,
                    url,
                    finalUrl,
                    depth,
                    outcome,
                    status,
                    contentType,
                    fetchedAt,
                    fetchMs,
                    bytes,
                    title,
                    text,
                    markdown,
                    links,
                    error,
                    truncated,
                    redirects,
                    canonicalUrl,
                    description,
                    language,
                    headings,
                    wordCount,
                    internalLinks,
                    externalLinks,
                    readable,
                    summary,
                    exchanges,
                    html,
                    rawHtml,
                    rendered,
                    renderMs,
                    screenshot);
        }
    }
}
