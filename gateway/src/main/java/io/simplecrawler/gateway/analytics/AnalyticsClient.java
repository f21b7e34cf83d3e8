package io.simplecrawler.gateway.analytics;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.SerdeImport;
import io.simplecrawler.schemas.PageStats;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Asks the analytics service for statistics over HTTP. Any failure to get an answer (refused,
 * not answered within the timeout, a 5xx such as stores not queryable during a rebalance) is
 * {@link AnalyticsUnavailable}, which the API answers 503: the statistics are secondary, so the
 * gateway neither waits long nor retries.
 */
@Singleton
@SerdeImport(PageStats.class)
class AnalyticsClient {
    private final HttpClient http;

    AnalyticsClient(AnalyticsConfiguration configuration) throws MalformedURLException {
        DefaultHttpClientConfiguration settings = new DefaultHttpClientConfiguration();
        settings.setConnectTimeout(configuration.timeout());
        settings.setReadTimeout(configuration.timeout());
        this.http = HttpClient.create(configuration.url().toURL(), settings);
    }

    HostRanking topHosts(int top) {
        return call(() ->
                http.toBlocking().retrieve(HttpRequest.GET("/stats/hosts?top=" + top), Argument.of(HostRanking.class)));
    }

    /** The job's statistics; empty when no page of the job has been counted. */
    Optional<PageStats> jobStats(UUID job) {
        try {
            return Optional.of(call(
                    () -> http.toBlocking().retrieve(HttpRequest.GET("/jobs/" + job + "/stats"), PageStats.class)));
        } catch (AnalyticsUnavailable e) {
            if (e.getCause() instanceof HttpClientResponseException response
                    && response.getStatus() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientException e) {
            throw new AnalyticsUnavailable("the analytics service did not answer: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
