package io.simplecrawler.gateway.firecrawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.gateway.job.JobRepository;
import io.simplecrawler.gateway.webhook.WebhookDialect;
import io.simplecrawler.gateway.webhook.WebhookSubscription;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.PageRecord;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhooks of crawls made through the Firecrawl API, in Firecrawl's shape. Followed:
 * Firecrawl's {@code apps/api/src/services/webhook.ts} ({@code callWebhook}, the v1/v2 branch)
 * and its callers in {@code services/worker/} (mendableai/firecrawl at 0fac8fb2), and the
 * documented payload (docs.firecrawl.dev, webhooks: events and security):
 * {@code {success, type, id, webhookId, data, metadata, error}}, where
 * <ul>
 *   <li>{@code crawl.started}: {@code success} true, {@code data} empty;
 *   <li>{@code crawl.page}: one per page written, {@code data} the page's document as the crawl's
 *       status shows it, {@code success} false with the {@code error} for a page that failed;
 *   <li>{@code crawl.completed}: {@code data} empty; also for a cancelled crawl, as at Firecrawl;
 *   <li>{@code crawl.failed}: {@code success} false, {@code error} why (Firecrawl declares the event).
 * </ul>
 * {@code metadata} is the subscriber's, sent back as is; {@code webhookId} is the delivery's id,
 * the same on every retry. The signature goes in {@code X-Firecrawl-Signature: sha256=<hex>}.
 */
@Singleton
class FirecrawlWebhooks implements WebhookDialect {
    static final String DIALECT = "firecrawl";
    static final String SIGNATURE_HEADER = "X-Firecrawl-Signature";

    private final WrittenPages pages;
    private final JobRepository jobs;

    FirecrawlWebhooks(WrittenPages pages, JobRepository jobs) {
        this.pages = pages;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return DIALECT;
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE_HEADER;
    }

    @Override
    public Body body(WebhookSubscription subscription, UUID deliveryId, JobEvent event) {
        Map<String, String> metadata = subscription.metadata() == null ? Map.of() : subscription.metadata();
        String id = event.jobId().toString();
        String webhookId = deliveryId.toString();
        if (event instanceof JobEvent.PageWritten written) {
            Optional<PageRecord> page = pages.find(event.jobId(), written.url());
            boolean fetched = page.map(p -> p.outcome() == FetchOutcome.FETCHED).orElse(written.error() == null);
            List<Document> data =
                    fetched ? page.flatMap(this::document).stream().toList() : List.of();
            String error = fetched ? null : Optional.ofNullable(written.error()).orElse("the page was not fetched");
            return new Body(fetched, "crawl.page", id, webhookId, data, metadata, error);
        }
        pages.forget(event.jobId()); // every event but a page's starts or ends the job
        if (event instanceof JobEvent.Failed failed) {
            return new Body(false, "crawl.failed", id, webhookId, List.of(), metadata, failed.error());
        }
        String type = event instanceof JobEvent.Started ? "crawl.started" : "crawl.completed";
        return new Body(true, type, id, webhookId, List.of(), metadata, null);
    }

    private Optional<Document> document(PageRecord page) {
        return jobs.findById(page.jobId()).map(job -> Document.of(page, JobDocuments.settings(job), ""));
    }

    /** One delivery's JSON. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(
            boolean success,
            String type,
            String id,
            String webhookId,
            List<Document> data,
            Map<String, String> metadata,
            @Nullable String error) {}
}
