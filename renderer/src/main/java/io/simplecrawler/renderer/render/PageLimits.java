package io.simplecrawler.renderer.render;

import com.microsoft.playwright.Route;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one page may load, applied to each of its requests before the browser sends it: http(s)
 * only (no file:, chrome: and the like; data: and blob: stay inside the page), no images, fonts or
 * media unless a screenshot is taken, at most {@code maxSubresources} requests besides the
 * document and, once the responses' Content-Length add up to {@code maxBytes}, nothing more.
 */
final class PageLimits {
    private static final Set<String> VISUAL = Set.of("image", "font", "media");

    private final boolean screenshot;
    private final int maxSubresources;
    private final long maxBytes;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger loaded = new AtomicInteger();

    PageLimits(boolean screenshot, int maxSubresources, long maxBytes) {
        this.screenshot = screenshot;
        this.maxSubresources = maxSubresources;
        this.maxBytes = maxBytes;
    }

    void handle(Route route) {
        String url = route.request().url();
        String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
        boolean allowed =
                (scheme.equals("http") || scheme.equals("https") || scheme.equals("data") || scheme.equals("blob"))
                        && (screenshot || !VISUAL.contains(route.request().resourceType()))
                        && requests.incrementAndGet() <= maxSubresources + 1
                        && bytes.get() < maxBytes;
        if (allowed) {
            loaded.incrementAndGet();
            route.resume();
        } else {
            refused.incrementAndGet();
            route.abort("blockedbyclient");
        }
    }

    /** Counts a response's declared length towards the page's bytes. */
    void received(String contentLength) {
        if (contentLength != null) {
            try {
                bytes.addAndGet(Math.max(0, Long.parseLong(contentLength.strip())));
            } catch (NumberFormatException ignored) {
                // an unreadable length counts as nothing; the request count still bounds the page
            }
        }
    }

    int refused() {
        return refused.get();
    }

    /** The requests let through besides the document (the page's first request). */
    int loadedSubresources() {
        return Math.max(0, loaded.get() - 1);
    }
}
