package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.simplecrawler.gateway.input.InvalidInput;
import io.simplecrawler.gateway.input.Text;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.gateway.problem.ProblemBodyProvider;
import io.simplecrawler.gateway.webhook.WebhookRequest;
import io.simplecrawler.gateway.webhook.WebhookSubscription;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Firecrawl's {@code webhook} of a crawl, checked as strictly as Firecrawl's own schema
 * ({@code webhookSchema} in {@code apps/api/src/controllers/v2/types.ts}): a URL, or
 * {@code {url, headers, metadata, events}} and nothing else, {@code events} among
 * {@code started, page, completed, failed} (all four by default). The URL passes the native
 * webhook's checks (form, SSRF guard). It becomes a subscription in the {@code firecrawl}
 * dialect ({@link FirecrawlWebhooks}), signed with the operator's Firecrawl webhook secret when
 * one is set (Firecrawl's is one per account, not per request).
 */
@Singleton
class FirecrawlWebhookRequests {
    static final List<String> EVENTS = List.of("started", "page", "completed", "failed");
    private static final Set<String> FIELDS = Set.of("url", "headers", "metadata", "events");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    /** Headers that frame or route the request, or are the delivery's own: a subscriber cannot set them. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "te",
            "upgrade",
            "expect",
            FirecrawlWebhooks.SIGNATURE_HEADER.toLowerCase(Locale.ROOT));

    private static final int MOST_ENTRIES = 50;
    private static final int LONGEST_VALUE = 2048;

    private final Validator validator;
    private final @Nullable String secret;

    FirecrawlWebhookRequests(Validator validator, FirecrawlConfiguration configuration) {
        this.validator = validator;
        this.secret = configuration.webhookSecret() == null
                        || configuration.webhookSecret().isEmpty()
                ? null
                : configuration.webhookSecret();
    }

    /** The subscription {@code webhook} asks for; empty when it is absent; {@link InvalidInput} naming every problem. */
    Optional<WebhookSubscription> subscription(@Nullable Object webhook) {
        if (webhook == null) {
            return Optional.empty();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Object url = webhook;
        Map<String, String> headers = Map.of();
        Map<String, String> metadata = Map.of();
        List<String> events = EVENTS;
        if (webhook instanceof Map<?, ?> object) {
            object.keySet().stream()
                    .map(String::valueOf)
                    .filter(key -> !FIELDS.contains(key))
                    .forEach(key -> errors.add(new Problem.FieldError(
                            "webhook." + Text.shown(key),
                            "is not a field of a webhook (url, headers, metadata, events)")));
            url = object.get("url");
            headers = strings(object.get("headers"), "webhook.headers", errors);
            headers.keySet().forEach(name -> headerName(name, errors));
            metadata = strings(object.get("metadata"), "webhook.metadata", errors);
            events = events(object.get("events"), errors);
        } else if (!(webhook instanceof String)) {
            errors.add(
                    new Problem.FieldError("webhook", "must be a URL or an object {url, headers, metadata, events}"));
        }
        if (!(url instanceof String)) {
            errors.add(new Problem.FieldError("webhook.url", "must be a string"));
        } else {
            validator.validate(new WebhookRequest((String) url, null, null)).stream()
                    .map(v -> new Problem.FieldError(
                            "webhook." + ProblemBodyProvider.field(v.getPropertyPath()), v.getMessage()))
                    .forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return Optional.of(new WebhookSubscription(
                ((String) url).trim(),
                secret,
                nativeEvents(events),
                FirecrawlWebhooks.DIALECT,
                headers.isEmpty() ? null : headers,
                metadata));
    }

    /**
     * The native events behind Firecrawl's: a cancelled crawl ends with {@code crawl.completed},
     * as at Firecrawl (its {@code finishCrawlIfNeeded} sends that event for cancelled crawls too).
     */
    static List<String> nativeEvents(List<String> events) {
        Set<String> wanted = new LinkedHashSet<>(events);
        if (wanted.contains("completed")) {
            wanted.add("cancelled");
        }
        return List.copyOf(wanted);
    }

    private static List<String> events(@Nullable Object value, List<Problem.FieldError> errors) {
        if (value == null) {
            return EVENTS;
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(event -> !EVENTS.contains(event))) {
            errors.add(new Problem.FieldError("webhook.events", "must be a list of started, page, completed, failed"));
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> strings(@Nullable Object value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)
                || map.size() > MOST_ENTRIES
                || map.values().stream().anyMatch(v -> !(v instanceof String text) || text.length() > LONGEST_VALUE)) {
            errors.add(new Problem.FieldError(
                    field,
                    "must be an object of at most " + MOST_ENTRIES + " strings of at most " + LONGEST_VALUE
                            + " characters"));
            return Map.of();
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, text) -> {
            String problem = Text.problem((String) text);
            if (problem != null) {
                errors.add(new Problem.FieldError(field + "." + Text.shown(String.valueOf(key)), problem));
            }
            strings.put(String.valueOf(key), (String) text);
        });
        return strings;
    }

    private static void headerName(String name, List<Problem.FieldError> errors) {
        if (!HEADER_NAME.matcher(name).matches()) {
            errors.add(new Problem.FieldError("webhook.headers." + Text.shown(name), "is not a valid header name"));
        } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            errors.add(new Problem.FieldError("webhook.headers." + name, "cannot be set by a webhook"));
        }
    }
}
