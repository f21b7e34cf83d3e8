package io.simplecrawler.gateway.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeds and webhook URLs the network policy denies without DNS are refused at submission, naming the rule. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermittedUrlTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        // the defaults: no private network allowed, ports 80 and 443 only
        return GatewayTestProperties.plus(
                Map.of("simplecrawler.allowed-networks", "", "simplecrawler.allowed-ports", ""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            http://127.0.0.1/                 | address 127.0.0.1 is in the loopback network 127.0.0.0/8
            http://2130706433/                | address 127.0.0.1 is in the loopback network 127.0.0.0/8
            http://0x7f.1/                    | address 127.0.0.1 is in the loopback network 127.0.0.0/8
            http://[::ffff:127.0.0.1]/        | address 127.0.0.1 is in the loopback network 127.0.0.0/8
            http://[::1]/                     | address ::1 is in the loopback address ::1/128
            http://169.254.169.254/latest/    | address 169.254.169.254 is in the link-local network (cloud metadata) 169.254.0.0/16
            https://10.1.2.3/                 | address 10.1.2.3 is in the private network 10.0.0.0/8
            http://[fd00::1]/                 | address fd00::1 is in the unique local network fc00::/7
            http://example.test:8080/         | port 8080 is not allowed
            """)
    void aDeniedSeedIsRefusedWithAProblemNamingTheFieldAndTheRule(String url, String rule) {
        Map<?, ?> error = onlyError(Map.of("url", url));

        assertEquals("url", error.get("field"));
        assertTrue(
                ((String) error.get("message")).startsWith("is denied by the network policy (SSRF guard): " + rule),
                error.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://192.168.0.10:443/hook", "http://017700000001/hook", "http://example.test:22/hook"})
    void aDeniedWebhookUrlIsRefused(String url) {
        Map<?, ?> error = onlyError(Map.of("url", "http://example.test/", "webhook", Map.of("url", url)));

        assertEquals("url", error.get("field"));
        assertTrue(((String) error.get("message")).contains("SSRF guard"), error.toString());
    }

    private Map<?, ?> onlyError(Map<String, Object> body) {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/crawl", body), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
        List<?> errors =
                (List<?>) e.getResponse().getBody(Map.class).orElseThrow().get("errors");
        assertEquals(1, errors.size(), errors.toString());
        return (Map<?, ?>) errors.get(0);
    }
}
