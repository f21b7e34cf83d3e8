package io.simplecrawler.fetcher.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.fetcher.jobs.CrawlJob;
import io.simplecrawler.fetcher.protocol.BodyLimit;
import io.simplecrawler.fetcher.protocol.Download;
import io.simplecrawler.fetcher.protocol.PoliteClient;
import io.simplecrawler.fetcher.robots.HostRobots;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-scope URLs of a job's site listed in its sitemaps, for jobs with {@code useSitemap}:
 * the sitemaps named by robots.txt {@code Sitemap:} lines, else {@code /sitemap.xml}, and the
 * sitemaps those index, fetched politely and parsed by crawler-commons (XML, text, RSS/Atom,
 * gzip). At most {@value #MAX_SITEMAPS} sitemaps, {@value #MAX_SITEMAP_BYTES} bytes of each (after
 * decompression: see {@link SitemapBody}) and the job's page budget of URLs: the frontier could
 * admit no more. A sitemap that is missing or unreadable adds nothing.
 */
@Singleton
public class SitemapLinks {
    private static final Logger LOG = LoggerFactory.getLogger(SitemapLinks.class);
    private static final int MAX_SITEMAPS = 20;
    private static final int MAX_SITEMAP_BYTES = 10 * 1024 * 1024;

    private final PoliteClient client;

    public SitemapLinks(PoliteClient client) {
        this.client = client;
    }

    /**
     * @param seed   the job's seed
     * @param robots the seed host's robots.txt rules, for its Sitemap: lines and Crawl-delay
     */
    public CompletableFuture<List<String>> of(CrawlJob job, URI seed, HostRobots robots) {
        Deque<String> queue = new ArrayDeque<>(robots.sitemaps());
        if (queue.isEmpty()) {
            queue.add(seed.resolve("/sitemap.xml").toString());
        }
        Set<String> urls = new LinkedHashSet<>();
        return visit(job, robots, queue, new HashSet<>(), urls).thenApply(done -> List.copyOf(urls));
    }

    private CompletableFuture<Void> visit(
            CrawlJob job, HostRobots robots, Deque<String> queue, Set<String> seen, Set<String> urls) {
        String next = queue.poll();
        if (next == null
                || seen.size() >= MAX_SITEMAPS
                || urls.size() >= job.settings().maxPages()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!seen.add(next)) {
            return visit(job, robots, queue, seen, urls);
        }
        URI uri;
        try {
            uri = URI.create(next);
        } catch (IllegalArgumentException e) {
            return visit(job, robots, queue, seen, urls);
        }
        return client.request(job, uri, robots.crawlDelayMs(), BodyLimit.successUpTo(MAX_SITEMAP_BYTES), true)
                .thenCompose(exchange -> {
                    if (exchange.download() != null && exchange.download().isSuccess()) {
                        read(job, exchange.download(), queue, urls);
                    } else {
                        LOG.info(
                                "No sitemap at {}: {}",
                                next,
                                exchange.download() != null
                                        ? "HTTP " + exchange.download().status()
                                        : exchange.failure().toString());
                    }
                    return visit(job, robots, queue, seen, urls);
                });
    }

    private static void read(CrawlJob job, Download download, Deque<String> queue, Set<String> urls) {
        try {
            SitemapBody body = SitemapBody.of(download, MAX_SITEMAP_BYTES);
            URL location = download.uri().toURL();
            SiteMapParser parser = new SiteMapParser(false);
            // the parser would hold every entry (200,000 in 10 MB); no more than this many can be used
            int wanted = Math.max(job.settings().maxPages() - urls.size(), MAX_SITEMAPS);
            AtomicInteger entries = new AtomicInteger();
            parser.setURLFilter((String url) -> entries.incrementAndGet() <= wanted ? url : null);
            AbstractSiteMap sitemap = parser.parseSiteMap(body.contentType(), body.bytes(), location);
            if (sitemap instanceof SiteMapIndex index) {
                index.getSitemaps().forEach(child -> queue.add(child.getUrl().toString()));
            } else if (sitemap instanceof SiteMap map) {
                for (SiteMapURL entry : map.getSiteMapUrls()) {
                    if (urls.size() >= job.settings().maxPages()) {
                        break;
                    }
                    CrawlScope.normalise(entry.getUrl().toString())
                            .filter(url -> job.scope().judge(url) == CrawlScope.Verdict.IN_SCOPE)
                            .ifPresent(urls::add);
                }
            }
        } catch (IOException | UnknownFormatException | RuntimeException e) {
            LOG.info("Unreadable sitemap {}: {}", download.uri(), e.toString());
        }
    }
}
