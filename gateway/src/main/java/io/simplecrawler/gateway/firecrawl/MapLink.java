package io.simplecrawler.gateway.firecrawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One URL of a site's map, as v2 answers it.
 *
 * @param title       the seed page's title, or the text of the link that led to the URL
 * @param description the seed page's meta description
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MapLink(String url, @Nullable String title, @Nullable String description) {}
