package io.simplecrawler.gateway.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.gateway.auth.ApiKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health}: UP with 200 when Postgres, Kafka and Redis answer, DOWN with 503 otherwise.
 * It reshapes Micronaut's health endpoint (served under /management) into one component per
 * dependency.
 */
@Controller
public class HealthController {
    private static final Map<String, String> COMPONENTS = Map.of("jdbc", "db", "kafka", "kafka", "redis", "redis");

    private final HealthEndpoint health;
    private final ApiKeys keys;

    HealthController(HealthEndpoint health, ApiKeys keys) {
        this.health = health;
        this.keys = keys;
    }

    @Get("/health")
    Publisher<HttpResponse<Health>> health() {
        return Mono.from(health.getHealth(null)).map(result -> {
            Health body = reshape(result, authMode());
            return HttpResponse.status("UP".equals(body.status()) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(body);
        });
    }

    /** "open" (no API keys: anyone who reaches the API may use it) or "api-keys". */
    private String authMode() {
        try {
            return keys.open() ? "open" : "api-keys";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static Health reshape(HealthResult result, String auth) {
        Map<String, Component> components = new LinkedHashMap<>();
        if (result.getDetails() instanceof Map<?, ?> details) {
            details.forEach((name, detail) -> {
                String component = COMPONENTS.get(String.valueOf(name));
                if (component != null && detail instanceof HealthResult indicator) {
                    components.put(component, new Component(status(indicator.getStatus()), indicator.getDetails()));
                }
            });
        }
        boolean up = result.getStatus().equals(HealthStatus.UP)
                && components.keySet().containsAll(COMPONENTS.values());
        return new Health(up ? "UP" : "DOWN", auth, components);
    }

    private static String status(HealthStatus status) {
        return status.equals(HealthStatus.UP) ? "UP" : "DOWN";
    }

    @Serdeable
    record Health(String status, String auth, Map<String, Component> components) {}

    @Serdeable
    record Component(String status, Object details) {}
}
