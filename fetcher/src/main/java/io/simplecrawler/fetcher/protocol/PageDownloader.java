package io.simplecrawler.fetcher.protocol;

import io.simplecrawler.netguard.NetworkDeniedException;
import io.simplecrawler.netguard.NetworkPolicy;
import io.simplecrawler.netguard.jetty.GuardedHttpClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Sends one GET with the Jetty HttpClient, asynchronously, and does not follow redirects (the
 * caller checks every hop against scope, robots.txt and the job's other pages), except for
 * {@link #downloadFollowingRedirects} (robots.txt and sitemaps, at most 5 hops, as RFC 9309
 * asks). The client is netguard's ({@link GuardedHttpClientBuilder}): every connection, redirect
 * hops included, goes to addresses resolved once and allowed by the {@link NetworkPolicy}; a
 * denied one fails the download with a {@link NetworkDeniedException}. It asks for gzip and leaves
 * decoding to {@link BodyDecoder}. The whole exchange, body included, is limited to the job's
 * timeout, so a server that trickles bytes is cut off; the connect to at most 10 s of it. How
 * much of the body is read is the caller's {@link BodyLimit}. Connections are kept alive and
 * pooled per origin; cookies are not kept.
 */
@Singleton
public class PageDownloader {
    private static final long MAX_CONNECT_MS = 10_000;
    private static final int MAX_REDIRECTS = 5;
    // Jetty's default pool
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 8;

    private final UserAgent userAgent;
    private final NetworkPolicy policy;
    private final HttpClient client;

    public PageDownloader(UserAgent userAgent, NetworkPolicy policy) throws Exception {
        this.userAgent = userAgent;
        this.policy = policy;
        client = new GuardedHttpClientBuilder(policy, "fetcher-http", MAX_THREADS, MIN_THREADS)
                .connectTimeout(Duration.ofMillis(MAX_CONNECT_MS))
                .settings(http -> {
                    http.setMaxRedirects(MAX_REDIRECTS);
                    // bodies stay as received: BodyDecoder decodes them within the job's limits
                    http.getContentDecoderFactories().clear();
                })
                .start();
    }

    /** Never throws: whatever goes wrong, even building the request, fails the future. */
    public CompletableFuture<Download> download(URI uri, long timeoutMs, BodyLimit limit) {
        return send(uri, timeoutMs, limit, false);
    }

    /** Like {@link #download}, following up to 5 redirects. */
    public CompletableFuture<Download> downloadFollowingRedirects(URI uri, long timeoutMs, BodyLimit limit) {
        return send(uri, timeoutMs, limit, true);
    }

    private CompletableFuture<Download> send(URI uri, long timeoutMs, BodyLimit limit, boolean followRedirects) {
        try {
            Optional<String> schemeDenied = policy.whyDeniedScheme(uri.getScheme());
            if (schemeDenied.isPresent()) {
                return CompletableFuture.failedFuture(new NetworkDeniedException(schemeDenied.get()));
            }
            DownloadListener listener = new DownloadListener(limit);
            client.newRequest(uri)
                    .followRedirects(followRedirects)
                    // covers the whole exchange, body included
                    .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                    .headers(headers -> headers.put(HttpHeader.USER_AGENT, userAgent.header())
                            .put(HttpHeader.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                            .put(HttpHeader.ACCEPT_ENCODING, "gzip"))
                    .send(listener);
            return listener.download();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @PreDestroy
    void stop() throws Exception {
        client.stop();
    }
}
