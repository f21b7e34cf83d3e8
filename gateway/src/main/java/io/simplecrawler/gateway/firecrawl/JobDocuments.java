package io.simplecrawler.gateway.firecrawl;

import io.micronaut.json.JsonMapper;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.results.PagesJournal;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A job's pages as Firecrawl documents and errors, read from the journal the exporter keeps
 * ({@link PagesJournal}: a running job's pages are there too).
 */
@Singleton
class JobDocuments {
    /** Firecrawl's bound on one answer of a crawl's status, less room for the envelope. */
    static final long MAX_PAGE_BYTES = 10L * 1024 * 1024 - 4096;

    private final PagesJournal journal;
    private final JsonMapper json;

    JobDocuments(PagesJournal journal, JsonMapper json) {
        this.journal = journal;
        this.json = json;
    }

    /** The documents of fetched pages after the first {@code skip}, at most {@code limit} of them and 10 MB. */
    DocumentPage page(UUID jobId, JobSettings settings, String base, int skip, int limit) {
        List<Document> documents = new ArrayList<>();
        long[] bytes = {0};
        int[] seen = {0};
        boolean[] more = {false};
        forEachPage(jobId, page -> {
            if (page.outcome() != FetchOutcome.FETCHED || seen[0]++ < skip) {
                return true;
            }
            Document document = Document.of(page, settings, base);
            long size = size(document) + 1;
            if (documents.size() >= limit || (!documents.isEmpty() && bytes[0] + size > MAX_PAGE_BYTES)) {
                more[0] = true;
                return false;
            }
            documents.add(document);
            bytes[0] += size;
            return true;
        });
        return new DocumentPage(documents, more[0]);
    }

    /** What the job asked for, as stored with its row. */
    static JobSettings settings(Job job) {
        return EventJson.read(job.request().getBytes(StandardCharsets.UTF_8), JobSettings.class);
    }

    /** The first page record of the job, the seed's once it is written. */
    Optional<PageRecord> first(UUID jobId) {
        List<PageRecord> first = new ArrayList<>(1);
        forEachPage(jobId, page -> !first.add(page));
        return first.stream().findFirst();
    }

    /** The pages that failed, and those robots.txt kept the crawl from. */
    CrawlErrors errors(UUID jobId) {
        List<CrawlErrors.CrawlError> errors = new ArrayList<>();
        List<String> robotsBlocked = new ArrayList<>();
        forEachPage(jobId, page -> {
            boolean blocked = page.outcome() == FetchOutcome.BLOCKED;
            if (blocked && page.error() != null && page.error().contains("robots.txt")) {
                robotsBlocked.add(page.url());
            } else if (blocked || page.outcome() == FetchOutcome.FAILED) {
                errors.add(CrawlErrors.CrawlError.of(jobId, page));
            }
            return true;
        });
        return new CrawlErrors(errors, robotsBlocked);
    }

    private void forEachPage(UUID jobId, Predicate<PageRecord> action) {
        journal.forEachPage(jobId, action);
    }

    private long size(Document document) {
        try {
            return json.writeValueAsBytes(document).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents of one answer, and whether more follow them. */
    record DocumentPage(List<Document> documents, boolean more) {}
}
