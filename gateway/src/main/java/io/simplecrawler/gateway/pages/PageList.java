package io.simplecrawler.gateway.pages;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs/{id}/pages}: one slice of the pages that match, and histograms over all the
 * job's pages written so far (whatever the filter).
 *
 * @param total       pages that match the filter
 * @param outcomes    pages per outcome (FETCHED, FAILED, BLOCKED, SKIPPED, DUPLICATE, CANCELLED)
 * @param statusCodes pages per HTTP status ("0": no response)
 * @param depths      pages per link depth from the seed
 * @param fetchTimes  pages per fetch time range, fastest first
 */
@Serdeable
public record PageList(
        List<PageSummary> pages,
        int total,
        int limit,
        int offset,
        Map<String, Integer> outcomes,
        Map<String, Integer> statusCodes,
        Map<String, Integer> depths,
        Map<String, Integer> fetchTimes) {}
