package io.simplecrawler.gateway.pages;

import io.simplecrawler.schemas.PageRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Counts of a job's pages by outcome, status code, depth and fetch time, for the dashboard's charts. */
final class PageHistograms {
    /** Upper bounds (exclusive) of the fetch time ranges, in milliseconds; the last range is open. */
    private static final long[] FETCH_MS_BOUNDS = {100, 300, 1_000, 3_000};

    private PageHistograms() {}

    static PageList list(List<PageRecord> all, List<PageSummary> slice, int total, int limit, int offset) {
        Map<String, Integer> fetchTimes = new LinkedHashMap<>();
        long lower = 0;
        for (long bound : FETCH_MS_BOUNDS) {
            fetchTimes.put(lower + "-" + bound + " ms", 0);
            lower = bound;
        }
        fetchTimes.put(">=" + lower + " ms", 0);
        for (PageRecord page : all) {
            fetchTimes.merge(fetchTimeRange(page.fetchMs()), 1, Integer::sum);
        }
        return new PageList(
                slice,
                total,
                limit,
                offset,
                count(all, page -> page.outcome().name()),
                count(all, page -> String.valueOf(page.status())),
                count(all, page -> String.valueOf(page.depth())),
                fetchTimes);
    }

    private static String fetchTimeRange(long fetchMs) {
        long lower = 0;
        for (long bound : FETCH_MS_BOUNDS) {
            if (fetchMs < bound) {
                return lower + "-" + bound + " ms";
            }
            lower = bound;
        }
        return ">=" + lower + " ms";
    }

    /** Counts by key; numeric keys (status, depth) sort as numbers. */
    private static Map<String, Integer> count(List<PageRecord> pages, Function<PageRecord, String> key) {
        Map<String, Integer> counts = new TreeMap<>(PageHistograms::compareKeys);
        pages.forEach(page -> counts.merge(key.apply(page), 1, Integer::sum));
        return new LinkedHashMap<>(counts);
    }

    private static int compareKeys(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        return numeric ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }
}
