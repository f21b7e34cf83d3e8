package io.simplecrawler.analytics.query;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.simplecrawler.analytics.AnalyticsConfiguration;
import io.simplecrawler.schemas.PageStats;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another analytics instance for what its own stores hold ({@code /local/...}), within the peer timeout. */
@Singleton
class PeerClient {
    private final DefaultHttpClientConfiguration http = new DefaultHttpClientConfiguration();
    private final Map<HostInfo, HttpClient> clients = new ConcurrentHashMap<>();

    PeerClient(AnalyticsConfiguration configuration) {
        http.setReadTimeout(configuration.peerTimeout());
        http.setConnectTimeout(configuration.peerTimeout());
    }

    Optional<PageStats> jobStats(HostInfo peer, UUID job) {
        try {
            return Optional.of(client(peer)
                    .toBlocking()
                    .retrieve(HttpRequest.GET("/local/jobs/" + job + "/stats"), PageStats.class));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    HostRanking topHosts(HostInfo peer, int top) {
        return client(peer)
                .toBlocking()
                .retrieve(HttpRequest.GET("/local/stats/hosts?top=" + top), Argument.of(HostRanking.class));
    }

    private HttpClient client(HostInfo peer) {
        return clients.computeIfAbsent(peer, p -> {
            try {
                return HttpClient.create(
                        URI.create("http://" + p.host() + ":" + p.port()).toURL(), http);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("no URL for instance " + p, e);
            }
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
