package io.simplecrawler.gateway.job;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.simplecrawler.gateway.input.JsonBody;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;

/**
 * Turns the body of {@code POST /crawl} into a valid {@link CrawlRequest}: unknown fields and
 * control characters are refused first ({@link JsonBody}), then the request is bound and validated.
 */
@Singleton
class CrawlRequestReader {
    private final JsonMapper json;
    private final Validator validator;

    CrawlRequestReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    CrawlRequest read(JsonNode body) {
        JsonBody.check(body, CrawlRequest.class);
        CrawlRequest request;
        try {
            request = json.readValueFromTree(body, CrawlRequest.class);
        } catch (IOException | RuntimeException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The body is not a crawl request: " + e.getMessage());
        }
        Set<ConstraintViolation<CrawlRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
