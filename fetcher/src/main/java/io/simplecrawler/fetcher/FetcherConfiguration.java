package io.simplecrawler.fetcher;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * The fetcher's settings, validated at start-up ({@code @Context}) so that a bad value stops
 * the service before it consumes anything.
 *
 * @param userAgent         the User-Agent header of every request
 * @param maxBodyBytes      a longer body is cut at this size; 10 MB holds any page worth parsing
 * @param settingsCacheSize how many jobs' settings are kept in memory; settings never change
 *                          once written, so a job that falls out is simply read again from Redis
 */
@Context
@ConfigurationProperties("fetcher")
public record FetcherConfiguration(
        @Bindable(defaultValue = "SimpleCrawler/0.1 (+https://github.com/simplecrawler/simplecrawler)")
        @NotBlank String userAgent,
        @Bindable(defaultValue = "10485760") @Positive long maxBodyBytes,
        @Bindable(defaultValue = "1000") @Positive int settingsCacheSize) {}
