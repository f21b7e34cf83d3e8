package io.simplecrawler.gateway.firecrawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.micronaut.core.annotation.Nullable;
import io.simplecrawler.netguard.NetworkPolicy;
import io.simplecrawler.netguard.jetty.GuardedHttpClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URLs of a site, fast and without converting pages (Firecrawl's map): those its sitemaps list
 * (named in robots.txt, else {@code /sitemap.xml}; sitemap indexes followed) and the links of the
 * seed page, when robots.txt allows it. At most {@value #MOST_SITEMAPS} sitemaps of 10 MB each are
 * read, everything within the request's timeout; what does not answer in time is left out. Every
 * request goes through the SSRF guard ({@link GuardedHttpClientBuilder}), redirects too.
 */
@Singleton
class SiteMapper {
    private static final Logger LOG = LoggerFactory.getLogger(SiteMapper.class);
    static final int MOST_SITEMAPS = 20;
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final String AGENT = "SimpleCrawler";

    private final HttpClient http;

    SiteMapper(NetworkPolicy policy) throws Exception {
        this.http = new GuardedHttpClientBuilder(policy, "firecrawl-map", 8, 1)
                .connectTimeout(Duration.ofSeconds(10))
                .start();
    }

    @PreDestroy
    void stop() throws Exception {
        http.stop();
    }

    /** The site's URLs in scope for {@code asked}: the seed first, then its page's links, then the sitemaps'. */
    List<MapLink> map(URI seed, MapAsked asked) {
        Instant deadline = Instant.now().plusMillis(asked.timeoutMs());
        String origin = seed.getScheme() + "://" + seed.getRawAuthority();
        Map<String, MapLink> links = new LinkedHashMap<>();
        Optional<BaseRobotRules> robots = get(URI.create(origin + "/robots.txt"), deadline)
                .map(robotsTxt -> new SimpleRobotRulesParser()
                        .parseContent(
                                origin + "/robots.txt", robotsTxt.body(), robotsTxt.contentType(), List.of(AGENT)));
        if (!asked.sitemap().equals("only")
                && robots.map(rules -> rules.isAllowed(seed.toString())).orElse(true)) {
            get(seed, deadline).ifPresent(page -> pageLinks(seed, page, links, asked));
        }
        if (!asked.sitemap().equals("skip")) {
            List<String> named = robots.map(BaseRobotRules::getSitemaps).orElse(List.of());
            sitemapLinks(named.isEmpty() ? List.of(origin + "/sitemap.xml") : named, seed, links, asked, deadline);
        }
        String search = asked.search() == null ? "" : asked.search().toLowerCase(Locale.ROOT);
        return links.values().stream()
                .filter(link -> search.isEmpty()
                        || link.url().toLowerCase(Locale.ROOT).contains(search)
                        || (link.title() != null
                                && link.title().toLowerCase(Locale.ROOT).contains(search)))
                .limit(asked.limit())
                .toList();
    }

    private void pageLinks(URI seed, Fetched page, Map<String, MapLink> links, MapAsked asked) {
        var document = parse(page, seed);
        if (document == null) {
            return;
        }
        Element description = document.selectFirst("meta[name=description]");
        add(
                links,
                seed.toString(),
                blankToNull(document.title()),
                description == null ? null : blankToNull(description.attr("content")),
                seed,
                asked);
        for (Element anchor : document.select("a[href]")) {
            add(links, anchor.absUrl("href"), blankToNull(anchor.text()), null, seed, asked);
        }
    }

    private void sitemapLinks(
            List<String> sitemaps, URI seed, Map<String, MapLink> links, MapAsked asked, Instant deadline) {
        SiteMapParser parser = new SiteMapParser(false);
        Deque<String> queue = new ArrayDeque<>(sitemaps);
        int read = 0;
        while (!queue.isEmpty() && read < MOST_SITEMAPS && links.size() < MapAsked.MOST * 2) {
            String location = queue.poll();
            Optional<Fetched> fetched = get(URI.create(location), deadline);
            if (fetched.isEmpty()) {
                continue;
            }
            read++;
            try {
                AbstractSiteMap sitemap = parser.parseSiteMap(
                        fetched.get().contentType(), fetched.get().body(), new URL(location));
                if (sitemap instanceof SiteMapIndex index) {
                    index.getSitemaps()
                            .forEach(child -> queue.add(child.getUrl().toString()));
                } else if (sitemap instanceof SiteMap list) {
                    for (SiteMapURL url : list.getSiteMapUrls()) {
                        add(links, url.getUrl().toString(), null, null, seed, asked);
                    }
                }
            } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
                LOG.info("Map: sitemap {} not read: {}", location, e.getMessage());
            }
        }
    }

    /** Adds {@code url} in its map form (no fragment, no query when asked) if it is on the seed's site. */
    private static void add(
            Map<String, MapLink> links,
            String url,
            @Nullable String title,
            @Nullable String description,
            URI seed,
            MapAsked asked) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return;
            }
            String seedHost = seed.getHost().toLowerCase(Locale.ROOT);
            String site = seedHost.startsWith("www.") ? seedHost.substring(4) : seedHost;
            String lower = host.toLowerCase(Locale.ROOT);
            if (!lower.equals(seedHost)
                    && !(asked.includeSubdomains() && (lower.equals(site) || lower.endsWith("." + site)))) {
                return;
            }
            String shown = new URI(
                            uri.getScheme(),
                            uri.getRawAuthority(),
                            uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
                            null,
                            null)
                    .toString();
            if (!asked.ignoreQuery() && uri.getRawQuery() != null) {
                shown += "?" + uri.getRawQuery();
            }
            links.putIfAbsent(shown, new MapLink(shown, title, description));
        } catch (URISyntaxException e) {
            // not a URL: no link
        }
    }

    private static org.jsoup.nodes.@Nullable Document parse(Fetched page, URI base) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.body()), null, base.toString());
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The body of a 200 answer within the deadline, or nothing. */
    private Optional<Fetched> get(URI uri, Instant deadline) {
        long remaining = Duration.between(Instant.now(), deadline).toMillis();
        if (remaining <= 0) {
            return Optional.empty();
        }
        try {
            ContentResponse response = new CompletableResponseListener(
                            http.newRequest(uri)
                                    .agent(AGENT)
                                    .followRedirects(true)
                                    .timeout(remaining, TimeUnit.MILLISECONDS),
                            MAX_BYTES)
                    .send()
                    .get(remaining + 1000, TimeUnit.MILLISECONDS);
            if (response.getStatus() != 200) {
                return Optional.empty();
            }
            return Optional.of(new Fetched(response.getContent(), response.getMediaType()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.info(
                    "Map: {} not read: {}",
                    uri,
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            return Optional.empty();
        }
    }

    private record Fetched(byte[] body, @Nullable String contentType) {}
}
