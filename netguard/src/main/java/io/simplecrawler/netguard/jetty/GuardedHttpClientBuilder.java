package io.simplecrawler.netguard.jetty;

import io.simplecrawler.netguard.NetworkDeniedException;
import io.simplecrawler.netguard.NetworkPolicy;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds every Jetty HttpClient that connects where a job or an API caller says (pages,
 * robots.txt, sitemaps, webhooks): its own named thread pool, which also runs the DNS lookups,
 * and the guard: every host is resolved once through the {@link NetworkPolicy}
 * ({@link CheckedAddressResolver}), so a denied connection fails with a
 * {@link NetworkDeniedException} and none is made. Redirects are not followed unless a request
 * asks, no cookies are kept and Jetty sends no User-Agent of its own: each caller names itself.
 * The caller stops the client it started.
 */
public final class GuardedHttpClientBuilder {
    private final NetworkPolicy policy;
    private final QueuedThreadPool threads;
    // Jetty's own default
    private Duration connectTimeout = Duration.ofSeconds(15);
    private Consumer<HttpClient> settings = client -> {};

    /**
     * @param threadName the thread pool's name, as thread dumps show it
     * @param maxThreads the most threads the client (and its DNS lookups) may use
     * @param minThreads threads kept even when idle
     */
    public GuardedHttpClientBuilder(NetworkPolicy policy, String threadName, int maxThreads, int minThreads) {
        this.policy = policy;
        this.threads = new QueuedThreadPool(maxThreads, minThreads);
        threads.setName(threadName);
    }

    public GuardedHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Anything else the caller needs (e.g. how many redirects a request may follow); the guard is applied after it. */
    public GuardedHttpClientBuilder settings(Consumer<HttpClient> settings) {
        this.settings = settings;
        return this;
    }

    public HttpClient start() throws Exception {
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setConnectTimeout(connectTimeout.toMillis());
        settings.accept(client);
        // last, so that no caller's settings can undo the guard
        client.setSocketAddressResolver(new CheckedAddressResolver(policy, threads));
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.start();
        return client;
    }
}
