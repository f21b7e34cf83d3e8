package io.simplecrawler.gateway.analytics;

import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.PageStats;
import java.util.List;

/** The hosts with the most pages over all jobs, most first. */
@Serdeable
public record HostRanking(List<PageStats> hosts) {}
