package io.simplecrawler.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A job's webhook as stored in {@code jobs.webhook}, secret included. */
@Serdeable
public record WebhookSubscription(String url, @Nullable String secret, List<String> events) {
    public static final List<String> ALL_EVENTS = List.of("started", "page", "completed", "failed", "cancelled");

    public static WebhookSubscription of(WebhookRequest request) {
        List<String> events = request.events() == null || request.events().isEmpty() ? ALL_EVENTS : List.copyOf(request.events());
        return new WebhookSubscription(request.url(), request.secret(), events);
    }

    public boolean wants(String event) {
        return events.contains(event);
    }

    /** What the API shows of it: no secret. */
    public WebhookView view() {
        return new WebhookView(url, events);
    }

    @Serdeable
    public record WebhookView(String url, List<String> events) {}
}
