package io.simplecrawler.analytics.query;

import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.schemas.PageStats;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The hosts with the most pages, most first (ties by host name), at most {@code top} of them. */
@Serdeable
public record HostRanking(List<PageStats> hosts) {
    static final Comparator<PageStats> MOST_PAGES =
            Comparator.comparingLong(PageStats::pages).reversed().thenComparing(PageStats::host);

    static HostRanking of(Stream<PageStats> hosts, int top) {
        return new HostRanking(hosts.sorted(MOST_PAGES).limit(top).toList());
    }
}
