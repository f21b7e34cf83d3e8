package io.simplecrawler.gateway.job;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * Per-key submission limits ({@code gateway.limits.*}), validated at start-up.
 *
 * @param openJobs             jobs pending or running at once
 * @param submissionsPerMinute {@code POST /crawl} calls per minute
 */
@Context
@ConfigurationProperties("gateway.limits")
public record LimitsConfiguration(
        @Bindable(defaultValue = "5") @Positive int openJobs,
        @Bindable(defaultValue = "60") @Positive int submissionsPerMinute) {}
