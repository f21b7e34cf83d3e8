package io.simplecrawler.gateway.webhook;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Jobs' webhook subscriptions, cached: a job's subscription never changes after submission. */
@Singleton
public class WebhookSubscriptions {
    private static final int CACHED_JOBS = 10_000;

    private final SubscriptionStore store;
    private final JsonMapper json;
    private final Map<UUID, Optional<WebhookSubscription>> cache =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Optional<WebhookSubscription>> eldest) {
                    return size() > CACHED_JOBS;
                }
            });

    WebhookSubscriptions(SubscriptionStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    public Optional<WebhookSubscription> find(UUID jobId) {
        return cache.computeIfAbsent(jobId, id -> store.storedSubscription(id).map(this::parse));
    }

    public String toJson(WebhookSubscription subscription) {
        try {
            return json.writeValueAsString(subscription);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebhookSubscription parse(String stored) {
        try {
            return json.readValue(stored, WebhookSubscription.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
