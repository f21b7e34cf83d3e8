package io.simplecrawler.gateway.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway finds the analytics service ({@code gateway.analytics.*}).
 *
 * @param url     any analytics instance (in compose, the service name: the instances share it);
 *                an instance asks the others for the keys it does not hold
 * @param timeout the longest a statistics request waits for it (connect and answer); then 503
 */
@Context
@ConfigurationProperties("gateway.analytics")
public record AnalyticsConfiguration(
        @Bindable(defaultValue = "http://127.0.0.1:8083") @NotNull URI url,
        @Bindable(defaultValue = "3s") @NotNull Duration timeout) {

    public AnalyticsConfiguration {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("gateway.analytics [timeout] must be positive, is " + timeout);
        }
    }
}
