package io.simplecrawler.crawlscope;

import crawlercommons.filters.basic.BasicURLNormalizer;
import io.simplecrawler.schemas.JobSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The URLs a job may fetch, decided the same way by the frontier (admitting links) and the
 * fetchers (following redirects), on URLs in one normal form, so that the admitted and claimed
 * URL sets in Redis ({@code crawlstate.JobKeys}) mean one page per key.
 *
 * <ul>
 *   <li>Normal form ({@link #normalise}): crawler-commons {@link BasicURLNormalizer} (lower-case
 *       scheme and host, default port dropped, {@code .}/{@code ..} resolved, percent-encoding
 *       normalised, query kept) and no fragment; only http(s) URLs with a host have one.
 *   <li>Hosts: by default the seed's scheme, host and port; with {@code allowSubdomains} also any
 *       host below the seed's host (a leading {@code www.} of the seed's host is ignored), same
 *       scheme and port; with {@code allowExternalLinks} any http(s) URL.
 *   <li>Paths: with {@code includePaths}, the path must contain a match of one of them; it must
 *       contain no match of an {@code excludePaths} pattern. Anchor a pattern ({@code ^/blog/})
 *       to match from the start of the path.
 *   <li>Traps ({@link Verdict#TRAP}, counted as filtered): URLs longer than
 *       {@value #MAX_URL_LENGTH} characters and paths that repeat a segment more than twice.
 * </ul>
 *
 * <p>The seed itself is always fetched; the scope applies to everything found from it.
 */
public final class CrawlScope {
    public static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_SEGMENT_REPEATS = 2;
    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    /** What a job does with a URL. */
    public enum Verdict {
        IN_SCOPE,
        /** Another host (as the job's settings say), or a path the include/exclude patterns rule out. */
        OUT_OF_SCOPE,
        /** In scope but too long or with a repeating path: a crawler trap. */
        TRAP
    }

    private final Origin seed;
    private final String siteDomain;
    private final boolean allowSubdomains;
    private final boolean allowExternalLinks;
    private final List<Pattern> includePaths;
    private final List<Pattern> excludePaths;

    private CrawlScope(Origin seed, JobSettings settings) {
        this.seed = seed;
        this.siteDomain = seed.host().startsWith("www.") ? seed.host().substring(4) : seed.host();
        this.allowSubdomains = settings.allowSubdomains();
        this.allowExternalLinks = settings.allowExternalLinks();
        this.includePaths = compile(settings.includePaths());
        this.excludePaths = compile(settings.excludePaths());
    }

    /**
     * The scope of a job.
     *
     * @throws IllegalArgumentException if the seed is not an http(s) URL or a path pattern is not
     *                                  a valid regular expression (the gateway rejects both)
     */
    public static CrawlScope of(JobSettings settings) {
        Origin seed = normalise(settings.url())
                .flatMap(Origin::of)
                .orElseThrow(() -> new IllegalArgumentException("seed is not an http(s) URL: " + settings.url()));
        return new CrawlScope(seed, settings);
    }

    /** The normal form of a URL; empty if it is not a valid http(s) URL with a host. */
    public static Optional<String> normalise(String url) {
        String normalised = url == null ? null : NORMALIZER.filter(url.strip());
        if (normalised == null) {
            return Optional.empty();
        }
        int hash = normalised.indexOf('#');
        String withoutFragment = hash < 0 ? normalised : normalised.substring(0, hash);
        return Origin.of(withoutFragment).isPresent() ? Optional.of(withoutFragment) : Optional.empty();
    }

    /** What the job does with a URL in normal form ({@link #normalise}). */
    public Verdict judge(String url) {
        Optional<Origin> origin = Origin.of(url);
        if (origin.isEmpty() || !hostInScope(origin.get())) {
            return Verdict.OUT_OF_SCOPE;
        }
        String path = pathOf(url);
        if (!includePaths.isEmpty()
                && includePaths.stream().noneMatch(p -> p.matcher(path).find())) {
            return Verdict.OUT_OF_SCOPE;
        }
        if (excludePaths.stream().anyMatch(p -> p.matcher(path).find())) {
            return Verdict.OUT_OF_SCOPE;
        }
        return url.length() > MAX_URL_LENGTH || repeatsASegment(path) ? Verdict.TRAP : Verdict.IN_SCOPE;
    }

    private boolean hostInScope(Origin origin) {
        if (allowExternalLinks || origin.equals(seed)) {
            return true;
        }
        return allowSubdomains
                && origin.scheme().equals(seed.scheme())
                && origin.port() == seed.port()
                && (origin.host().equals(siteDomain) || origin.host().endsWith("." + siteDomain));
    }

    private static boolean repeatsASegment(String path) {
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > MAX_SEGMENT_REPEATS) {
                return true;
            }
        }
        return false;
    }

    private static String pathOf(String url) {
        try {
            String path = new URI(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    private static List<Pattern> compile(List<String> patterns) {
        try {
            return patterns.stream().map(Pattern::compile).toList();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid path pattern: " + e.getPattern(), e);
        }
    }

    private record Origin(String scheme, String host, int port) {
        static Optional<Origin> of(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                    return Optional.empty();
                }
                int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
                return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    }
}
