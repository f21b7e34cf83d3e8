package io.simplecrawler.gateway.dashboard;

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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's submit form (crawl-form.json) says what the API does: its defaults are those a
 * job gets when it leaves a setting out, and just outside each range the API refuses, naming the field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFormTest implements TestPropertyProvider {
    private static final String SEED = "http://site.test/";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(GatewayTestProperties.newResultsDir());
    }

    @Test
    void theFormsDefaultsAreTheApis() {
        Map<?, ?> job = http.toBlocking().retrieve(HttpRequest.POST("/crawl", Map.of("url", SEED)), Map.class);
        Map<?, ?> request = (Map<?, ?>) job.get("request");
        List<Map<?, ?>> withDefaults =
                fields().stream().filter(f -> f.containsKey("default")).toList();
        assertTrue(withDefaults.size() >= 12, "every setting with a default: " + withDefaults);
        for (Map<?, ?> field : withDefaults) {
            Object shown = field.get("default");
            Object applied = request.get(field.get("name"));
            // the job view shows render as its enum constant (NEVER) where the API takes the wire name (never)
            assertEquals(
                    String.valueOf(shown).toLowerCase(Locale.ROOT),
                    String.valueOf(applied).toLowerCase(Locale.ROOT),
                    "default of " + field.get("name"));
        }
    }

    @Test
    void justOutsideEachRangeTheApiRefusesTheField() {
        for (Map<?, ?> field : fields()) {
            String name = (String) field.get("name");
            if (field.get("min") instanceof Number min) {
                assertRefused(name, min.longValue() - 1);
            }
            if (field.get("max") instanceof Number max) {
                assertRefused(name, max.longValue() + 1);
            }
        }
    }

    @Test
    void everySettingOfTheRequestIsOnTheForm() {
        List<String> names = fields().stream().map(f -> (String) f.get("name")).toList();
        Map<?, ?> job = http.toBlocking().retrieve(HttpRequest.POST("/crawl", Map.of("url", SEED)), Map.class);
        for (Object setting : ((Map<?, ?>) job.get("request")).keySet()) {
            if (setting.equals("content")) {
                continue; // formats and tags that only the Firecrawl routes set (POST /crawl takes none)
            }
            assertTrue(names.contains(setting), setting + " is on the form");
        }
        assertTrue(names.containsAll(List.of("webhook.url", "webhook.secret", "webhook.events")), names.toString());
    }

    private void assertRefused(String field, long value) {
        HttpClientResponseException refused = assertThrows(
                HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.POST("/crawl", Map.of("url", SEED, field, value))),
                field + "=" + value);
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), field + "=" + value);
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("\"field\":\"" + field + "\""), field + "=" + value + ": " + body);
    }

    private List<Map<?, ?>> fields() {
        Map<?, ?> form = http.toBlocking().retrieve("/ui/crawl-form.json", Map.class);
        return ((List<?>) form.get("fields"))
                .stream().<Map<?, ?>>map(f -> (Map<?, ?>) f).toList();
    }
}
