package io.simplecrawler.gateway.analytics;

/** The analytics service did not answer in time, or answered that it cannot: the statistics are not available now. */
class AnalyticsUnavailable extends RuntimeException {
    AnalyticsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
