package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.FetcherConfiguration;
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
 * Sends one GET with the JDK HttpClient, asynchronously, following redirects (not from https
 * to http). The whole exchange, body included, is limited to the job's timeout, and
 * connecting to at most 10 s of it. Only the body of a 2xx HTML answer is read (up to the
 * configured size); any other body would not be parsed, so it is not downloaded.
 */
@Singleton
public class PageDownloader {
    private static final long MAX_CONNECT_SECONDS = 10;

    private final FetcherConfiguration configuration;
    /** The connect timeout belongs to a client, so one client per whole second of it (at most ten). */
    private final Map<Long, HttpClient> clientsByConnectSeconds = new ConcurrentHashMap<>();

    public PageDownloader(FetcherConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Never throws: whatever goes wrong, even building the request, fails the future. */
    public CompletableFuture<HttpResponse<byte[]>> download(URI uri, long timeoutMs) {
        try {
            return send(uri, timeoutMs);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> send(URI uri, long timeoutMs) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                // http:// stays on HTTP/1.1 rather than trying an h2c upgrade, which some servers mishandle
                .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofMillis(timeoutMs))
                .header("User-Agent", configuration.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client(timeoutMs)
                .sendAsync(request, info -> new BoundedBodySubscriber(isParsable(info) ? configuration.maxBodyBytes() : 0));
        // The request timeout only covers the wait for the headers; this one covers the body too.
        return exchange.copy()
                .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> exchange.cancel(true));
    }

    private static boolean isParsable(HttpResponse.ResponseInfo info) {
        return PageRecords.isSuccess(info.statusCode()) && ContentType.of(info.headers().firstValue("Content-Type").orElse(null)).isHtml();
    }

    private HttpClient client(long timeoutMs) {
        long connectSeconds = Math.min(MAX_CONNECT_SECONDS, Math.max(1, (timeoutMs + 999) / 1000));
        return clientsByConnectSeconds.computeIfAbsent(connectSeconds, seconds -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(seconds))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build());
    }
}
