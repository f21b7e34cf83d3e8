package io.simplecrawler.exporter.completion;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks, {@code exporter.finaliser.first-sweep-after} start-up and then every
 * {@code exporter.finaliser.sweep-interval}, for open
 * jobs that are ready to finish and queues them ({@link FinalisationQueue}): those whose
 * finalisation an exporter abandoned when it stopped or died, or could not end for a store fault.
 * A job another exporter is finalising is skipped by its lock.
 */
@Singleton
class ReadyJobSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyJobSweep.class);

    private final TransactionOperations<Connection> transactions;
    private final CompletableJobs jobs;
    private final FinalisationQueue queue;

    ReadyJobSweep(TransactionOperations<Connection> transactions, CompletableJobs jobs, FinalisationQueue queue) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.queue = queue;
    }

    @Scheduled(
            fixedDelay = "${exporter.finaliser.sweep-interval:30s}",
            initialDelay = "${exporter.finaliser.first-sweep-after:5s}")
    void sweep() {
        try {
            transactions
                    .executeRead(status -> jobs.openAndReady(status.getConnection()))
                    .forEach(queue::request);
        } catch (RuntimeException e) {
            LOG.warn("Could not look for jobs ready to finish: {}", e.toString());
        }
    }
}
