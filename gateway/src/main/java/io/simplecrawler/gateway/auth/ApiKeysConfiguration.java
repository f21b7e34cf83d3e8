package io.simplecrawler.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * The configured API keys ({@code simplecrawler.api-keys}, from {@code SIMPLECRAWLER_API_KEYS}),
 * checked by {@link ApiKeys} at start-up.
 *
 * @param apiKeys "name:key" or "name:key:admin", comma-separated; empty (the default) with no
 *                key in the {@code api_keys} table is open single-user mode
 */
@Context
@ConfigurationProperties("simplecrawler")
public record ApiKeysConfiguration(@Nullable String apiKeys) {

    public ApiKeysConfiguration {
        apiKeys = apiKeys == null ? "" : apiKeys;
    }
}
