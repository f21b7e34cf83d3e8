package io.simplecrawler.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway's own top-level settings ({@code gateway.*}), validated at start-up.
 *
 * @param resultsDir         the folder the exporter writes job results into (RESULTS_DIR)
 * @param eventsPollInterval how often {@code GET /jobs/{id}/events} reads the job's row
 */
@Context
@ConfigurationProperties("gateway")
public record GatewayConfiguration(
        @NotNull Path resultsDir, @Bindable(defaultValue = "250ms") @NotNull Duration eventsPollInterval) {

    public GatewayConfiguration {
        if (eventsPollInterval != null && (eventsPollInterval.isNegative() || eventsPollInterval.isZero())) {
            throw new IllegalArgumentException(
                    "gateway [eventsPollInterval] must be positive, is " + eventsPollInterval);
        }
    }
}
