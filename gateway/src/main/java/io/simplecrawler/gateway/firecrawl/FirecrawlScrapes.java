package io.simplecrawler.gateway.firecrawl;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.simplecrawler.gateway.job.Job;
import io.simplecrawler.gateway.job.JobCancellation;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Firecrawl's scrape: one page, answered when it is there, through the same pipeline as every
 * crawl. It is a native job of one page at depth 0 without sitemaps; the answer waits for the
 * job to end, following its row (so any gateway replica can answer), without holding a thread.
 * A job that outlasts the page's timeout plus {@code gateway.firecrawl.scrape-margin} is
 * cancelled and the scrape answered 408.
 */
@Singleton
class FirecrawlScrapes {
    /** How often the job's row is read while the answer waits. */
    static final Duration POLL = Duration.ofMillis(50);

    private final FirecrawlCrawls crawls;
    private final JobRepository jobs;
    private final JobDocuments documents;
    private final JobCancellation cancellation;
    private final Duration margin;

    FirecrawlScrapes(
            FirecrawlCrawls crawls,
            JobRepository jobs,
            JobDocuments documents,
            JobCancellation cancellation,
            FirecrawlConfiguration configuration) {
        this.margin = configuration.scrapeMargin();
        this.crawls = crawls;
        this.jobs = jobs;
        this.documents = documents;
        this.cancellation = cancellation;
    }

    /** Submits the one-page job at once (so refusals come back at once), then waits for its page. */
    Mono<FirecrawlAnswers.Scraped> scrape(HttpRequest<?> http, String url, ScrapeOptions options) {
        UnsupportedOptions unsupported = new UnsupportedOptions();
        options.addUnsupported(unsupported, "");
        Job job = crawls.submit(
                http,
                new CrawlAsked(
                        url,
                        1,
                        null,
                        null,
                        0,
                        null,
                        true,
                        null,
                        null,
                        false,
                        "skip",
                        null,
                        null,
                        options,
                        null,
                        unsupported.names(),
                        ""));
        UUID id = job.id();
        JobSettings settings = JobDocuments.settings(job);
        Duration deadline = Duration.ofMillis(settings.timeoutMs()).plus(margin);
        return Flux.interval(Duration.ZERO, POLL)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> jobs.findById(id)).subscribeOn(Schedulers.boundedElastic()))
                .filter(row -> row.isEmpty() || row.get().status().isFinal())
                .next()
                .timeout(deadline)
                .onErrorMap(TimeoutException.class, e -> timedOut(id, deadline))
                .publishOn(Schedulers.boundedElastic())
                .map(row -> answer(id, row, PublicUrl.base(http)));
    }

    private HttpStatusException timedOut(UUID id, Duration deadline) {
        cancellation.cancel(id);
        return new HttpStatusException(
                HttpStatus.REQUEST_TIMEOUT,
                "the page was not scraped within " + deadline.toSeconds() + " s; job " + id + " is cancelled");
    }

    private FirecrawlAnswers.Scraped answer(UUID id, Optional<Job> row, String base) {
        Job job = row.orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "job " + id + " was deleted"));
        Optional<PageRecord> page = documents.first(id);
        if (page.isPresent()
                && List.of(FetchOutcome.FETCHED, FetchOutcome.FAILED)
                        .contains(page.get().outcome())) {
            return new FirecrawlAnswers.Scraped(true, Document.of(page.get(), JobDocuments.settings(job), base));
        }
        String why = page.map(PageRecord::error)
                .or(() -> Optional.ofNullable(job.error()))
                .orElse("job " + id + " is " + job.status().wireName());
        throw new HttpStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "the page could not be scraped: " + why);
    }
}
