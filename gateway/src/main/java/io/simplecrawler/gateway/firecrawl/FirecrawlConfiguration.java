package io.simplecrawler.gateway.firecrawl;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The Firecrawl-compatible API's settings ({@code gateway.firecrawl.*}).
 *
 * @param scrapeMargin what a scrape waits for its one-page job beyond the page's own timeout: the
 *                     pipeline's queues, a retry, the writing (30 s); then the job is cancelled and
 *                     the scrape answered 408
 * @param webhookSecret the key of the HMAC-SHA256 in {@code X-Firecrawl-Signature} on the webhooks of
 *                     crawls made through this API (Firecrawl's is one secret per account); unset or
 *                     empty: they are not signed
 */
@Context
@ConfigurationProperties("gateway.firecrawl")
public record FirecrawlConfiguration(
        @Bindable(defaultValue = "30s") @NotNull Duration scrapeMargin, @Nullable String webhookSecret) {

    public FirecrawlConfiguration {
        if (scrapeMargin != null && (scrapeMargin.isNegative() || scrapeMargin.isZero())) {
            throw new IllegalArgumentException("gateway.firecrawl [scrapeMargin] must be positive, is " + scrapeMargin);
        }
    }
}
