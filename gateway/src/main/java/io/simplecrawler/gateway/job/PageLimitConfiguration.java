package io.simplecrawler.gateway.job;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * The largest job the API accepts ({@code simplecrawler.max-pages-limit}, from
 * {@code SIMPLECRAWLER_MAX_PAGES_LIMIT}), validated at start-up.
 *
 * @param maxPagesLimit the largest {@code maxPages} a job may ask for
 */
@Context
@ConfigurationProperties("simplecrawler")
public record PageLimitConfiguration(@Bindable(defaultValue = "1000") @Positive int maxPagesLimit) {}
