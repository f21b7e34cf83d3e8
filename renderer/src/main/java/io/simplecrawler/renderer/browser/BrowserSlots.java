package io.simplecrawler.renderer.browser;

import io.simplecrawler.renderer.RendererConfiguration;
import io.simplecrawler.renderer.proxy.GuardedProxy;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renderer's browsers: one {@link BrowserSlot} per rendering thread (the consumer's threads,
 * {@code renderer.concurrency} of them), so the pages rendered at once are bounded by the threads.
 */
@Singleton
public class BrowserSlots {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSlots.class);
    private final RendererConfiguration configuration;
    private final GuardedProxy proxy;
    private final Map<Thread, BrowserSlot> slots = new ConcurrentHashMap<>();

    public BrowserSlots(RendererConfiguration configuration, GuardedProxy proxy) {
        this.configuration = configuration;
        this.proxy = proxy;
        if (!Files.isExecutable(Path.of(configuration.chromium()))) {
            LOG.warn("{}; every render task fails with this reason", BrowserSlot.missing(configuration.chromium()));
        }
    }

    /** The calling thread's slot. */
    public BrowserSlot current() {
        return slots.computeIfAbsent(
                Thread.currentThread(),
                thread ->
                        new BrowserSlot(configuration.chromium(), proxy.address(), configuration.restartEveryPages()));
    }

    @PreDestroy
    void close() {
        slots.values().forEach(BrowserSlot::close);
        slots.clear();
    }
}
