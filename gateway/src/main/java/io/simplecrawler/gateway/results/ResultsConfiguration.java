package io.simplecrawler.gateway.results;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * How results are sent ({@code gateway.results.*}).
 *
 * @param accelRedirect behind nginx: the internal location of the results folder (nginx.conf's
 *                      {@code /_results/}); downloads then answer {@code X-Accel-Redirect} and nginx
 *                      sends the file. Empty (the default): the gateway sends it
 */
@Context
@ConfigurationProperties("gateway.results")
public record ResultsConfiguration(@Nullable String accelRedirect) {

    public ResultsConfiguration {
        accelRedirect = accelRedirect == null ? "" : accelRedirect;
    }
}
