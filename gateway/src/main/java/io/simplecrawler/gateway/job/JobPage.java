package io.simplecrawler.gateway.job;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of {@code GET /jobs}. */
@Serdeable
public record JobPage(List<JobView> items, long total, int limit, long offset) {}
