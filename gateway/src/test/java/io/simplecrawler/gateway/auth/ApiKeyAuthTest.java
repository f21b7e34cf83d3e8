package io.simplecrawler.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.testkit.TestPostgres;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Keys, ownership and per-key limits, with keys from SIMPLECRAWLER_API_KEYS and from the api_keys table. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyAuthTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    private String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties =
                new HashMap<>(GatewayTestProperties.with(GatewayTestProperties.newResultsDir()));
        databaseUrl = properties.get("datasources.default.url");
        properties.put("simplecrawler.api-keys", "alice:alice-key,bob:bob-key,root:root-key:admin");
        properties.put("gateway.limits.open-jobs", "3");
        return properties;
    }

    @Test
    void withoutAKeyOnlyHealthDocsAndTheMetricsAnswer() {
        for (String path : List.of("/jobs", "/stats", "/jobs/00000000-0000-0000-0000-000000000000")) {
            var e = assertThrows(
                    HttpClientResponseException.class, () -> http.toBlocking().exchange(path));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus(), path);
            assertEquals(
                    "application/problem+json",
                    e.getResponse().getContentType().orElseThrow().toString());
        }
        var wrong = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/jobs").bearerAuth("guess")));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        // the metrics, for a Prometheus without a key (nginx serves no /management from outside)
        for (String path : List.of("/health", "/docs", "/openapi.yml", "/management/prometheus")) {
            assertEquals(
                    HttpStatus.OK,
                    http.toBlocking().exchange(path, String.class).status(),
                    path);
        }
    }

    @Test
    void aJobIsInvisibleToOtherKeysInEveryEndpointButNotToAnAdmin() {
        String id = submit(r -> r.bearerAuth("alice-key"));
        Function<MutableHttpRequest<?>, MutableHttpRequest<?>> bob = r -> r.header("X-API-Key", "bob-key");
        for (MutableHttpRequest<?> request : List.<MutableHttpRequest<?>>of(
                HttpRequest.GET("/jobs/" + id), HttpRequest.GET("/jobs/" + id + "/results"),
                HttpRequest.GET("/jobs/" + id + "/events"), HttpRequest.GET("/download/" + id + "/pages.jsonl"),
                HttpRequest.POST("/jobs/" + id + "/cancel", ""), HttpRequest.DELETE("/jobs/" + id))) {
            var e = assertThrows(
                    HttpClientResponseException.class, () -> http.toBlocking().exchange(bob.apply(request)));
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus(), request.getMethodName() + " " + request.getPath());
        }
        List<?> bobsJobs = (List<?>) http.toBlocking()
                .retrieve(bob.apply(HttpRequest.GET("/jobs")), Map.class)
                .get("items");
        assertTrue(
                bobsJobs.stream().noneMatch(job -> id.equals(((Map<?, ?>) job).get("id"))),
                "bob lists only his own jobs");

        assertEquals(
                id,
                http.toBlocking()
                        .retrieve(HttpRequest.GET("/jobs/" + id).bearerAuth("alice-key"), Map.class)
                        .get("id"));
        assertEquals(
                id,
                http.toBlocking()
                        .retrieve(HttpRequest.GET("/jobs/" + id).bearerAuth("root-key"), Map.class)
                        .get("id"));
        assertEquals(
                "cancelled",
                http.toBlocking()
                        .retrieve(
                                HttpRequest.POST("/jobs/" + id + "/cancel", "").bearerAuth("alice-key"), Map.class)
                        .get("status"));
    }

    @Test
    void aKeyStoredHashedInTheDatabaseIsAccepted() throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(databaseUrl, TestPostgres.username(), TestPostgres.password());
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO api_keys (name, key_sha256) VALUES ('carol', ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, ApiKeys.sha256("carol-key"));
            insert.executeUpdate();
        }
        assertEquals(
                HttpStatus.OK,
                http.toBlocking()
                        .exchange(HttpRequest.GET("/jobs").bearerAuth("carol-key"))
                        .status());
    }

    @Test
    void aKeyWithTooManyOpenJobsIsRefused() {
        for (int i = 0; i < 3; i++) {
            submit(r -> r.bearerAuth("bob-key"));
        }
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/"))
                        .bearerAuth("bob-key")));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
    }

    private String submit(Function<MutableHttpRequest<?>, MutableHttpRequest<?>> withKey) {
        return (String) http.toBlocking()
                .retrieve(withKey.apply(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/"))), Map.class)
                .get("id");
    }
}
