package io.simplecrawler.fetcher.fetch;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends one GET with the JDK HttpClient, asynchronously, and does not follow redirects (the
 * caller checks every hop against scope, robots.txt and the job's other pages), except for
 * {@link #downloadFollowingRedirects} (robots.txt and sitemaps, at most 5 hops, as RFC 9309
 * asks). It asks for gzip and leaves decoding to {@link BodyDecoder}. The whole exchange, body
 * included, is limited to the job's timeout, so a server that trickles bytes is cut off; the
 * connect to at most 10 s of it. How much of the body is read is the caller's {@link BodyLimit}.
 */
@Singleton
public class PageDownloader {
    private static final long MAX_CONNECT_SECONDS = 10;

    private final UserAgent userAgent;
    /** The connect timeout belongs to a client: one per whole second of it (at most ten) and redirect policy. */
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public PageDownloader(UserAgent userAgent) {
        this.userAgent = userAgent;
    }

    /** Never throws: whatever goes wrong, even building the request, fails the future. */
    public CompletableFuture<Download> download(URI uri, long timeoutMs, BodyLimit limit) {
        return send(uri, timeoutMs, limit, HttpClient.Redirect.NEVER);
    }

    /** Like {@link #download}, following up to 5 redirects (not from https to http). */
    public CompletableFuture<Download> downloadFollowingRedirects(URI uri, long timeoutMs, BodyLimit limit) {
        return send(uri, timeoutMs, limit, HttpClient.Redirect.NORMAL);
    }

    private CompletableFuture<Download> send(URI uri, long timeoutMs, BodyLimit limit, HttpClient.Redirect redirects) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    // http:// stays on HTTP/1.1 rather than trying an h2c upgrade, which some servers mishandle
                    .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .timeout(Duration.ofMillis(timeoutMs))
                    .header("User-Agent", userAgent.header())
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Encoding", "gzip")
                    .GET()
                    .build();
            CompletableFuture<HttpResponse<RawBody>> exchange = client(timeoutMs, redirects).sendAsync(request,
                    info -> new BoundedBodySubscriber(limit.bytesFor(info.statusCode(),
                            ContentType.of(info.headers().firstValue("Content-Type").orElse(null)))));
            // The request timeout only covers the wait for the headers; this one covers the body too.
            return exchange.copy()
                    .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                    .whenComplete((response, error) -> exchange.cancel(true))
                    .thenApply(response -> new Download(response.uri(), response.statusCode(), response.headers(),
                            response.body(), response.request(), response.version()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpClient client(long timeoutMs, HttpClient.Redirect redirects) {
        long connectSeconds = Math.min(MAX_CONNECT_SECONDS, Math.max(1, (timeoutMs + 999) / 1000));
        return clients.computeIfAbsent(connectSeconds + "/" + redirects, key -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(connectSeconds))
                .followRedirects(redirects)
                .build());
    }
}
