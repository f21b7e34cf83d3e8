package io.simplecrawler.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's webhook as stored in {@code jobs.webhook}, secret included.
 *
 * @param events   the native event names delivered ({@link #ALL_EVENTS}); the exporter reads
 *                 {@code page} from here to know whether to emit page events
 * @param dialect  whose shape the deliveries take ({@link WebhookDialect}); null for the native API's
 * @param headers  extra request headers the subscriber asked for (Firecrawl's {@code webhook.headers})
 * @param metadata sent back as is in every delivery (Firecrawl's {@code webhook.metadata})
 */
@Serdeable
public record WebhookSubscription(
        String url,
        @Nullable String secret,
        List<String> events,
        @Nullable String dialect,
        @Nullable Map<String, String> headers,
        @Nullable Map<String, String> metadata) {
    public static final List<String> ALL_EVENTS = List.of("started", "page", "completed", "failed", "cancelled");
    public static final String NATIVE = "native";

    public static WebhookSubscription of(WebhookRequest request) {
        List<String> events =
                request.events() == null || request.events().isEmpty() ? ALL_EVENTS : List.copyOf(request.events());
        return new WebhookSubscription(request.url(), request.secret(), events, null, null, null);
    }

    public boolean wants(String event) {
        return events.contains(event);
    }

    public String dialectName() {
        return dialect == null ? NATIVE : dialect;
    }

    /** What the API shows of it: no secret, and what became of its deliveries so far. */
    public WebhookView view(Optional<WebhookOutcome> outcome) {
        return new WebhookView(
                url,
                events,
                outcome.map(WebhookOutcome::delivered).orElse(0),
                outcome.map(WebhookOutcome::failed).orElse(0),
                outcome.map(WebhookOutcome::lastError).orElse(null));
    }

    /**
     * @param delivered deliveries the receiver accepted (2xx)
     * @param failed deliveries given up after every retry
     * @param lastError why the last given-up delivery was given up
     */
    @Serdeable
    public record WebhookView(String url, List<String> events, int delivered, int failed, @Nullable String lastError) {}
}
