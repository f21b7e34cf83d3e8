package io.simplecrawler.fetcher.robots;

import io.simplecrawler.crawlstate.RobotsCopies;
import io.simplecrawler.fetcher.FetcherConfiguration;
import io.simplecrawler.fetcher.jobs.CrawlJob;
import io.simplecrawler.fetcher.protocol.BodyLimit;
import io.simplecrawler.fetcher.protocol.Exchange;
import io.simplecrawler.fetcher.protocol.FetchFailure;
import io.simplecrawler.fetcher.protocol.PoliteClient;
import io.simplecrawler.fetcher.protocol.UserAgent;
import io.simplecrawler.schemas.EventJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of a host for a job. Fetched once per host per job: the file is cached
 * in Redis ({@link RobotsCopies}, with a TTL) where every fetcher finds it, and
 * in memory, where concurrent tasks of one host wait for the one fetch in progress. The fetch is
 * a polite request of the job like any other (host queue, cancel check, retries), following up
 * to 5 redirects. Jobs with {@code respectRobots} false get {@link HostRobots#IGNORED} and no
 * request.
 */
@Singleton
public class RobotsRules {
    private static final Logger LOG = LoggerFactory.getLogger(RobotsRules.class);
    private static final int CACHED_HOSTS = 10_000;

    private final RobotsCopies copies;
    private final PoliteClient client;
    private final UserAgent userAgent;
    private final Duration ttl;
    private final Map<String, CompletableFuture<HostRobots>> cache =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<HostRobots>> eldest) {
                    return size() > CACHED_HOSTS;
                }
            });

    public RobotsRules(
            RobotsCopies copies, PoliteClient client, UserAgent userAgent, FetcherConfiguration configuration) {
        this.copies = copies;
        this.client = client;
        this.userAgent = userAgent;
        this.ttl = configuration.robotsCacheTtl();
    }

    /**
     * The rules for the host of {@code url}. Completes exceptionally when the job was cancelled
     * before robots.txt could be fetched, or Redis cannot be asked.
     */
    public CompletableFuture<HostRobots> forUrl(CrawlJob job, URI url) {
        if (!job.settings().respectRobots()) {
            return CompletableFuture.completedFuture(HostRobots.IGNORED);
        }
        String origin = origin(url);
        String key = job.id() + " " + origin;
        CompletableFuture<HostRobots> created = new CompletableFuture<>();
        CompletableFuture<HostRobots> existing = cache.putIfAbsent(key, created);
        if (existing != null) {
            return existing;
        }
        String robotsUrl = origin + "/robots.txt";
        load(job, origin, robotsUrl)
                .thenApply(file -> file.rules(robotsUrl, userAgent.robotsToken()))
                .whenComplete((rules, error) -> {
                    if (error != null) {
                        cache.remove(key, created);
                        created.completeExceptionally(error);
                    } else {
                        created.complete(rules);
                    }
                });
        return created;
    }

    private CompletableFuture<RobotsFile> load(CrawlJob job, String origin, String robotsUrl) {
        return copies.find(job.id(), origin)
                .thenCompose(json -> json.isPresent()
                        ? CompletableFuture.completedFuture(
                                EventJson.read(json.get().getBytes(StandardCharsets.UTF_8), RobotsFile.class))
                        : client.request(
                                        job,
                                        URI.create(robotsUrl),
                                        0,
                                        BodyLimit.successUpTo(RobotsFile.MAX_BYTES),
                                        true)
                                .thenApply(exchange ->
                                        fileOf(exchange, job.settings().timeoutMs()))
                                .thenCompose(file -> copies.save(job.id(), origin, EventJson.writeString(file), ttl)
                                        .thenApply(ok -> {
                                            LOG.info("Fetched {}: status {}", robotsUrl, file.status());
                                            return file;
                                        })));
    }

    private static RobotsFile fileOf(Exchange exchange, long timeoutMs) {
        var download = exchange.download();
        if (download == null) {
            String attempts = exchange.attempts() > 1 ? " (" + exchange.attempts() + " attempts)" : "";
            return RobotsFile.unreachable(FetchFailure.describe(exchange.failure(), timeoutMs) + attempts);
        }
        try {
            byte[] body = download.decodedBody(RobotsFile.MAX_BYTES).bytes();
            return RobotsFile.of(
                    download.status(), body, download.header("Content-Type").orElse(null));
        } catch (IOException e) {
            return RobotsFile.unreachable("unreadable body: " + e.getMessage());
        }
    }

    /** scheme://host:port, the unit robots.txt applies to (RFC 9309 section 2.3). */
    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
