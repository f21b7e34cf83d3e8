package io.simplecrawler.gateway.firecrawl;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.simplecrawler.gateway.input.InvalidInput;
import io.simplecrawler.gateway.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of Firecrawl's {@code POST /v2/scrape} (and v1's): {@code url} beside the fields of
 * {@link ScrapeOptions}, which Firecrawl declares flat in the scrape body.
 *
 * @param options the body without {@code url}, to be bound as {@link ScrapeOptions}
 */
record ScrapeBody(String url, JsonNode options) {

    static ScrapeBody split(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInput(List.of(new Problem.FieldError("", "must be a JSON object")));
        }
        JsonNode url = body.get("url");
        if (url == null || !url.isString()) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "The body is not a Firecrawl request: url must be a string");
        }
        Map<String, JsonNode> options = new LinkedHashMap<>();
        body.entries().forEach(entry -> {
            if (!entry.getKey().equals("url")) {
                options.put(entry.getKey(), entry.getValue());
            }
        });
        return new ScrapeBody(url.getStringValue(), JsonNode.createObjectNode(options));
    }
}
