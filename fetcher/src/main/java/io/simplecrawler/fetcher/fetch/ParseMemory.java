package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.FetcherConfiguration;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;

/**
 * Bounds the bodies being decoded and parsed at once to the fetcher's {@code maxBodyBytes} in all. A parsed
 * page's tree takes ten to twenty times its body's size, so a handful of 10 MB pages parsed side
 * by side (an endless page, a gzip bomb, 100,000 links) would exhaust a small heap; small pages
 * still parse in parallel. A parse thread waits here until the bytes it needs are free.
 */
@Singleton
public class ParseMemory {
    private static final int KIB = 1024;

    private final int capacityKib;
    private final Semaphore freeKib;

    public ParseMemory(FetcherConfiguration configuration) {
        this.capacityKib = (int) Math.max(1, configuration.maxBodyBytes() / KIB);
        this.freeKib = new Semaphore(capacityKib, true);
    }

    /** Holds room for a body of {@code bytes} until the returned lease is closed. */
    public Lease reserve(long bytes) {
        int kib = (int) Math.min(capacityKib, Math.max(1, bytes / KIB));
        freeKib.acquireUninterruptibly(kib);
        return () -> freeKib.release(kib);
    }

    /** The room one body holds. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
