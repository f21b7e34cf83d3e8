package io.simplecrawler.testkit;

/**
 * One request served by a {@link TestSite}.
 *
 * @param pathAndQuery the request target, e.g. {@code /slow?ms=200}
 * @param host the Host header as sent
 * @param startNanos {@link System#nanoTime()} when the request arrived
 * @param endNanos {@link System#nanoTime()} when the response was complete, 0 while in flight
 */
public record SiteRequest(String pathAndQuery, String host, long startNanos, long endNanos) {

    /** The path without the query. */
    public String path() {
        return pathOf(pathAndQuery);
    }

    /** False while the response is still being prepared or sent. */
    public boolean completed() {
        return endNanos != 0;
    }

    static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
