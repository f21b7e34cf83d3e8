package io.simplecrawler.gateway.firecrawl;

import io.simplecrawler.gateway.results.PagesJournal;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The page record behind a page event, for the {@code crawl.page} webhook. A job's page events
 * come in the order its journal was written, so each job's journal is followed from where the
 * last lookup stopped: a job's journal is read once for all its events, not once per event.
 * Records read past on the way are kept (a few) for the events still to come. A lookup that the
 * followed part cannot answer (a replayed event, a gateway restarted mid-job) reads the journal
 * from its start.
 */
@Singleton
class WrittenPages {
    private static final int FOLLOWED_JOBS = 256;
    private static final int KEPT_AHEAD = 64;

    private final PagesJournal journal;
    private final Map<UUID, Tail> tails = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Tail> eldest) {
            return size() > FOLLOWED_JOBS;
        }
    });

    WrittenPages(PagesJournal journal) {
        this.journal = journal;
    }

    /** The record of {@code url} in the job's journal; empty when it is not there (the job was deleted). */
    Optional<PageRecord> find(UUID jobId, String url) {
        Tail tail = tails.computeIfAbsent(jobId, id -> new Tail());
        synchronized (tail) {
            PageRecord kept = tail.ahead.remove(url);
            if (kept != null) {
                return Optional.of(kept);
            }
            PageRecord[] found = {null};
            tail.offset = journal.readFrom(jobId, tail.offset, page -> {
                if (page.url().equals(url)) {
                    found[0] = page;
                    return false;
                }
                tail.keep(page);
                return true;
            });
            if (found[0] != null) {
                return Optional.of(found[0]);
            }
        }
        PageRecord[] earlier = {null};
        journal.forEachPage(jobId, page -> {
            earlier[0] = page.url().equals(url) ? page : null;
            return earlier[0] == null;
        });
        return Optional.ofNullable(earlier[0]);
    }

    /** The job has ended: its journal need not be followed any longer. */
    void forget(UUID jobId) {
        tails.remove(jobId);
    }

    private static final class Tail {
        private long offset;
        private final Map<String, PageRecord> ahead = new LinkedHashMap<>();

        private void keep(PageRecord page) {
            ahead.put(page.url(), page);
            if (ahead.size() > KEPT_AHEAD) {
                ahead.remove(ahead.keySet().iterator().next());
            }
        }
    }
}
