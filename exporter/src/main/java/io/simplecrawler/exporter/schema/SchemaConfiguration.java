package io.simplecrawler.exporter.schema;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the exporter waits for the gateway's migrations at start-up.
 *
 * @param timeout      how long to wait for them before the exporter refuses to start; services
 *                     start in any order, and a gateway's first start may queue behind Postgres
 * @param pollInterval how often to look again meanwhile
 */
@ConfigurationProperties("exporter.schema")
public record SchemaConfiguration(
        @Bindable(defaultValue = "5m") @NotNull Duration timeout,
        @Bindable(defaultValue = "1s") @NotNull Duration pollInterval) {}
