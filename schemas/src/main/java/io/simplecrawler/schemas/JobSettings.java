package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a job asked for, as submitted with defaults filled in. Travels inside
 * {@link JobSubmitted} and is cached by the frontier and fetchers. Secrets (webhook) never
 * travel here.
 *
 * @param url                the seed URL (depth 0)
 * @param maxPages           the page budget
 * @param maxDepth           the deepest level fetched, 0..10
 * @param format             the primary result file's format
 * @param delayMs            the least time between the starts of two requests to one host
 * @param concurrency        the most requests in flight to one host
 * @param timeoutMs          the limit for one whole request
 * @param includePaths       regular expressions; when not empty, a URL's path must match one
 * @param excludePaths       regular expressions; a URL whose path matches one is not fetched
 * @param allowSubdomains    also fetch hosts below the seed's host
 * @param allowExternalLinks fetch links to any host (depth and budget still apply)
 * @param useSitemap         admit the URLs of the site's sitemaps at depth 1
 * @param respectRobots      obey robots.txt
 * @param maxBytes           bodies longer than this are cut off and flagged truncated
 * @param warc               also write a WARC file of the crawl
 * @param content            what the page records carry beyond the native fields and which parts of
 *                           a page are converted ({@link ContentOptions#NONE} for a native job)
 * @param render             whether pages are rendered in a browser: never (null means never), always, or auto
 * @param waitFor            what a render waits for after the page's load: a CSS selector, or a number of
 *                           milliseconds (at most {@value #MAX_WAIT_FOR_MS}); null waits for nothing more
 * @param screenshot         save a full-page PNG of each rendered page in the job's folder
 */
public record JobSettings(
        @JsonProperty(required = true) String url,
        int maxPages,
        int maxDepth,
        @JsonProperty(required = true) OutputFormat format,
        long delayMs,
        int concurrency,
        long timeoutMs,
        List<String> includePaths,
        List<String> excludePaths,
        boolean allowSubdomains,
        boolean allowExternalLinks,
        boolean useSitemap,
        @JsonProperty(defaultValue = "true") Boolean respectRobots,
        long maxBytes,
        boolean warc,
        ContentOptions content,
        RenderMode render,
        String waitFor,
        Boolean screenshot) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** The longest wait a job may ask for after a page's load, in milliseconds. */
    public static final long MAX_WAIT_FOR_MS = 30_000;

    public JobSettings {
        includePaths = includePaths == null ? List.of() : List.copyOf(includePaths);
        excludePaths = excludePaths == null ? List.of() : List.copyOf(excludePaths);
        respectRobots = respectRobots == null || respectRobots;
        maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
        content = content == null ? ContentOptions.NONE : content;
        render = render == null ? RenderMode.NEVER : render;
        screenshot = screenshot != null && screenshot;
    }

    /** Settings of a native job that renders nothing: every page converted whole, native fields only. */
    public JobSettings(
            String url,
            int maxPages,
            int maxDepth,
            OutputFormat format,
            long delayMs,
            int concurrency,
            long timeoutMs,
            List<String> includePaths,
            List<String> excludePaths,
            boolean allowSubdomains,
            boolean allowExternalLinks,
            boolean useSitemap,
            Boolean respectRobots,
            long maxBytes,
            boolean warc) {
        this(
                url,
                maxPages,
                maxDepth,
                format,
                delayMs,
                concurrency,
                timeoutMs,
                includePaths,
                excludePaths,
                allowSubdomains,
                allowExternalLinks,
                useSitemap,
                respectRobots,
                maxBytes,
                warc,
                ContentOptions.NONE,
                RenderMode.NEVER,
                null,
                false);
    }

    /** Settings with the crawl-shape options only; scope, robots and output options take their defaults. */
    public JobSettings(
            String url,
            int maxPages,
            int maxDepth,
            OutputFormat format,
            long delayMs,
            int concurrency,
            long timeoutMs) {
        this(
                url,
                maxPages,
                maxDepth,
                format,
                delayMs,
                concurrency,
                timeoutMs,
                List.of(),
                List.of(),
                false,
                false,
                false,
                true,
                DEFAULT_MAX_BYTES,
                false,
                ContentOptions.NONE,
                RenderMode.NEVER,
                null,
                false);
    }
}
