package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.simplecrawler.gateway.input.InvalidInput;
import io.simplecrawler.gateway.input.Text;
import io.simplecrawler.gateway.job.CrawlRequest;
import io.simplecrawler.gateway.job.PageLimitConfiguration;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.gateway.problem.ProblemBodyProvider;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.OutputFormat;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Maps a Firecrawl crawl request to a native {@link CrawlRequest} and validates it as
 * {@code POST /crawl} does (URL form and SSRF guard, page limit, patterns), naming refused fields
 * with Firecrawl's names. Firecrawl's defaults where ours differ: no page budget (here the
 * operator's largest), no depth limit (here the deepest, 10), the sitemap read, only the seed's
 * path and below unless {@code crawlEntireDomain}, the main content only.
 */
@Singleton
class NativeCrawlRequests {
    static final int DEEPEST = 10;
    /** A full-page PNG of each page: the job renders every page in Chromium and saves one per page. */
    static final String SCREENSHOT = "screenshot";
    /** The content formats, and the screenshot, which asks the renderer rather than the page record. */
    static final Set<String> FORMATS = Stream.concat(ContentOptions.FORMATS.stream(), Stream.of(SCREENSHOT))
            .collect(Collectors.toUnmodifiableSet());
    /** Firecrawl's formats when a request names none. */
    static final List<String> DEFAULT_FORMATS = List.of("markdown");

    private static final int MOST_TAGS = 50;
    private static final long MOST_WAIT_MS = 30_000;
    private static final int LONGEST_TAG = 500;
    private static final Map<String, String> FIRECRAWL_NAMES = Map.of(
            "maxPages", "limit",
            "maxDepth", "maxDiscoveryDepth",
            "delayMs", "delay",
            "concurrency", "maxConcurrency",
            "timeoutMs", "timeout");

    private final Validator validator;
    private final int largestBudget;

    NativeCrawlRequests(Validator validator, PageLimitConfiguration pageLimit) {
        this.validator = validator;
        this.largestBudget = pageLimit.maxPagesLimit();
    }

    /** The native request, or {@link InvalidInput} naming every refused field. */
    CrawlRequest map(CrawlAsked asked) {
        List<Problem.FieldError> errors = new ArrayList<>();
        asked.unsupported().forEach(name -> errors.add(unsupported(name)));
        ScrapeOptions scrape = asked.scrapeOptions();
        List<String> formats = scrape == null ? List.of() : scrape.formatNames();
        formats.stream()
                .filter(format -> !FORMATS.contains(format))
                .forEach(format -> errors.add(unsupported(asked.optionsPrefix() + "formats: " + format)));
        if (scrape != null) {
            selectors(scrape.includeTags(), asked.optionsPrefix() + "includeTags", errors);
            selectors(scrape.excludeTags(), asked.optionsPrefix() + "excludeTags", errors);
        }
        Boolean useSitemap = useSitemap(asked.sitemap(), errors);
        String waitFor = scrape == null ? null : waitFor(scrape.waitFor(), asked.optionsPrefix(), errors);
        boolean screenshot = formats.contains(SCREENSHOT);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        CrawlRequest request = new CrawlRequest(
                asked.url(),
                asked.limit() == null ? largestBudget : asked.limit(),
                asked.discoveryDepth() == null ? DEEPEST : asked.discoveryDepth(),
                format(formats, scrape).wireName(),
                asked.delaySeconds() == null ? null : Math.round(asked.delaySeconds() * 1000),
                asked.maxConcurrency(),
                scrape == null ? null : scrape.timeout(),
                includePaths(asked),
                asked.excludePaths(),
                asked.allowSubdomains(),
                asked.allowExternalLinks(),
                useSitemap,
                !asked.ignoreRobots(),
                null,
                null,
                null,
                screenshot || waitFor != null ? "always" : null,
                waitFor,
                screenshot ? true : null);
        Set<ConstraintViolation<CrawlRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations.stream()
                    .map(v -> new Problem.FieldError(firecrawlName(v.getPropertyPath(), asked), v.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }
        return request;
    }

    /** What the job's page records carry and which parts of a page are converted; call after {@link #map}. */
    static ContentOptions content(CrawlAsked asked) {
        ScrapeOptions scrape = asked.scrapeOptions();
        List<String> formats = scrape == null ? List.of() : scrape.formatNames();
        // the screenshot is the job's render setting, not a content format; asked alone it comes with markdown
        List<String> content = formats.stream()
                .filter(format -> !format.equals(SCREENSHOT))
                .distinct()
                .toList();
        return new ContentOptions(
                content.isEmpty() ? DEFAULT_FORMATS : content,
                scrape == null ? null : scrape.includeTags(),
                scrape == null ? null : scrape.excludeTags());
    }

    /** Refuses what is not a list of CSS selectors jsoup can apply, naming the first bad one. */
    private static void selectors(@Nullable List<String> tags, String field, List<Problem.FieldError> errors) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MOST_TAGS) {
            errors.add(new Problem.FieldError(field, "must hold at most " + MOST_TAGS + " selectors"));
            return;
        }
        for (String tag : tags) {
            String problem = tag == null || tag.isBlank() || tag.length() > LONGEST_TAG
                    ? "must be CSS selectors of 1 to " + LONGEST_TAG + " characters"
                    : selectorProblem(tag);
            if (problem != null) {
                errors.add(new Problem.FieldError(field, problem));
                return;
            }
        }
    }

    private static @Nullable String selectorProblem(String tag) {
        String text = Text.problem(tag);
        if (text != null) {
            return text;
        }
        try {
            QueryParser.parse(tag);
            return null;
        } catch (Selector.SelectorParseException e) {
            return "must be CSS selectors: " + Text.shown(tag) + " is not one (" + e.getMessage() + ")";
        }
    }

    /**
     * The native format that gives the documents what was asked: summary when a summary is asked,
     * else the readable extraction for the main content (Firecrawl's default), else whole pages.
     */
    static OutputFormat format(List<String> formats, @Nullable ScrapeOptions scrape) {
        if (formats.contains("summary")) {
            return OutputFormat.SUMMARY;
        }
        boolean mainContent = scrape == null || !Boolean.FALSE.equals(scrape.onlyMainContent());
        return mainContent ? OutputFormat.READABLE : OutputFormat.MARKDOWN;
    }

    /**
     * The include patterns, with the scope rules Firecrawl has and ours has not folded in as
     * lookaheads (our patterns are searched in the path; every lookahead must hold and then one
     * of the caller's patterns match): the seed's path as a prefix unless the crawl may take the
     * entire domain, and v1's path depth.
     */
    static @Nullable List<String> includePaths(CrawlAsked asked) {
        List<String> rules = new ArrayList<>();
        String seedPath = seedPath(asked.url());
        if (!asked.entireDomain() && seedPath.length() > 1) {
            rules.add("(?=" + Pattern.quote(seedPath) + ")");
        }
        if (asked.pathDepth() != null) {
            long segments = seedPath.chars().filter(c -> c == '/').count() - (seedPath.endsWith("/") ? 1 : 0);
            rules.add("(?=(?:/[^/]+){0," + (segments + Math.max(0, asked.pathDepth())) + "}/?$)");
        }
        List<String> own = asked.includePaths() == null ? List.of() : asked.includePaths();
        if (rules.isEmpty()) {
            return asked.includePaths();
        }
        String scope = "^" + String.join("", rules);
        return List.of(own.isEmpty() ? scope : scope + ".*?(?:" + String.join("|", own) + ")");
    }

    private static String seedPath(@Nullable String url) {
        try {
            String path = url == null ? null : URI.create(url.trim()).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/"; // the URL's own check names the problem
        }
    }

    private static @Nullable Boolean useSitemap(@Nullable String sitemap, List<Problem.FieldError> errors) {
        if (sitemap == null || sitemap.equals("include")) {
            return true;
        } else if (sitemap.equals("skip")) {
            return false;
        } else if (sitemap.equals("only")) {
            errors.add(unsupported("sitemap: only"));
        } else {
            errors.add(new Problem.FieldError("sitemap", "must be one of include, skip, only"));
        }
        return null;
    }

    /**
     * Firecrawl's {@code waitFor}, milliseconds to wait before the content is taken: the page is
     * rendered and the render waits that long. 0 or absent: not rendered for it.
     */
    private static @Nullable String waitFor(@Nullable Object value, String prefix, List<Problem.FieldError> errors) {
        if (value == null || (value instanceof Number number && number.longValue() == 0)) {
            return null;
        }
        if (value instanceof Number number
                && number.doubleValue() == number.longValue()
                && number.longValue() > 0
                && number.longValue() <= MOST_WAIT_MS) {
            return Long.toString(number.longValue());
        }
        errors.add(new Problem.FieldError(prefix + "waitFor", "must be milliseconds from 0 to " + MOST_WAIT_MS));
        return null;
    }

    private static Problem.FieldError unsupported(String name) {
        return new Problem.FieldError(name, "is not supported by this crawler");
    }

    private static String firecrawlName(Path path, CrawlAsked asked) {
        String name = ProblemBodyProvider.field(path);
        return name.equals("timeoutMs") ? asked.optionsPrefix() + "timeout" : FIRECRAWL_NAMES.getOrDefault(name, name);
    }
}
