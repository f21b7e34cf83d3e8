package io.simplecrawler.exporter.completion;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Where the listeners and the watchdog say that a job may be ready to finish: the finalisation runs
 * on {@code exporter.finaliser.threads} threads of its own, so that a job of 100,000 pages does
 * not hold up the consumer threads (and other jobs' pages) while its files are written. A job is
 * queued once until its finalisation starts; asking again while it runs queues it again, since it
 * may have become ready after the running one looked.
 *
 * <p>What is queued is in memory only: an exporter that stops abandons it, and the sweep of the
 * next one to start ({@link ReadyJobSweep}) finds the jobs still ready and finalises them.
 */
@Singleton
public class FinalisationQueue {
    private static final Logger LOG = LoggerFactory.getLogger(FinalisationQueue.class);

    private final JobFinaliser finaliser;
    private final ExecutorService threads;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    FinalisationQueue(JobFinaliser finaliser, FinaliserConfiguration configuration) {
        this.finaliser = finaliser;
        this.threads = Executors.newFixedThreadPool(configuration.threads(), daemonThreads());
    }

    /** Finalises the job soon if it is ready; safe to ask after any batch. */
    public void request(UUID jobId) {
        if (!stopping && queued.add(jobId)) {
            threads.execute(() -> run(jobId));
        }
    }

    private void run(UUID jobId) {
        queued.remove(jobId);
        try (var job = MDC.putCloseable("crawl.jobId", jobId.toString())) {
            finaliser.finaliseIfReady(jobId, () -> stopping);
        } catch (RuntimeException e) {
            // Postgres or the broker away: the job stays ready, and the sweep asks again
            LOG.warn("Job {} could not be finalised now: {}", jobId, e.toString());
        }
    }

    /**
     * Takes no new finalisation and lets the running ones end without committing; not waiting
     * for them, which may write for minutes: their threads do not keep the JVM alive.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        threads.shutdown();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "finaliser-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
