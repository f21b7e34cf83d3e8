package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.schemas.network.CheckedAddressResolver;
import io.simplecrawler.schemas.network.NetworkDeniedException;
import io.simplecrawler.schemas.network.NetworkPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends one GET with the Jetty HttpClient, asynchronously, and does not follow redirects (the
 * caller checks every hop against scope, robots.txt and the job's other pages), except for
 * {@link #downloadFollowingRedirects} (robots.txt and sitemaps, at most 5 hops, as RFC 9309
 * asks). Every connection, redirect hops included, goes to addresses the
 * {@link CheckedAddressResolver} resolved once and the {@link NetworkPolicy} allowed; a denied
 * one fails the download with a {@link NetworkDeniedException}. It asks for gzip and leaves
 * decoding to {@link BodyDecoder}. The whole exchange, body included, is limited to the job's
 * timeout, so a server that trickles bytes is cut off; the connect to at most 10 s of it. How
 * much of the body is read is the caller's {@link BodyLimit}. Connections are kept alive and
 * pooled per origin; cookies are not kept.
 */
@Singleton
public class PageDownloader {
    private static final long MAX_CONNECT_MS = 10_000;
    private static final int MAX_REDIRECTS = 5;

    private final UserAgent userAgent;
    private final NetworkPolicy policy;
    private final HttpClient client;

    public PageDownloader(UserAgent userAgent, NetworkPolicy policy) throws Exception {
        this.userAgent = userAgent;
        this.policy = policy;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("fetcher-http");
        client = new HttpClient();
        client.setExecutor(threads);
        client.setSocketAddressResolver(new CheckedAddressResolver(policy, threads));
        client.setConnectTimeout(MAX_CONNECT_MS);
        client.setFollowRedirects(false);
        client.setMaxRedirects(MAX_REDIRECTS);
        // bodies stay as received: BodyDecoder decodes them within the job's limits
        client.getContentDecoderFactories().clear();
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.start();
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
                    .headers(headers -> headers
                            .put(HttpHeader.USER_AGENT, userAgent.header())
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
