package io.simplecrawler.gateway.firecrawl;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.simplecrawler.gateway.input.JsonBody;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Binds the body of a Firecrawl request to its record: strict, as Firecrawl's API is (a field it
 * does not declare is refused), and free of control characters ({@link JsonBody}).
 */
@Singleton
class FirecrawlBodies {
    private final JsonMapper json;

    FirecrawlBodies(JsonMapper json) {
        this.json = json;
    }

    <T extends Record> T read(JsonNode body, Class<T> type) {
        JsonBody.check(body, type);
        try {
            return json.readValueFromTree(body, type);
        } catch (IOException | RuntimeException e) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "The body is not a Firecrawl request: " + e.getMessage());
        }
    }
}
