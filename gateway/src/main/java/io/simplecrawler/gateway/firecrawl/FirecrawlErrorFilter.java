package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.simplecrawler.gateway.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers every error of the Firecrawl routes (refused input, no API key, unknown job, limits)
 * in Firecrawl's shape, {@code {"success": false, "error": "...", "details": [...]}}, instead of a
 * problem: the Firecrawl SDKs show {@code error} as their exception's message. It runs outside the
 * other filters, so it also sees the answers they give themselves (401 of the key check).
 */
@ServerFilter({"/v1/**", "/v2/**"})
@Order(-200)
class FirecrawlErrorFilter {

    @ResponseFilter
    void toFirecrawlShape(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof Problem problem) {
            response.body(failure(problem)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    static FirecrawlAnswers.Failure failure(Problem problem) {
        String detail = problem.detail() == null ? problem.title() : problem.detail();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return new FirecrawlAnswers.Failure(false, detail, null);
        }
        List<FirecrawlAnswers.FieldProblem> fields = problem.errors().stream()
                .map(error -> new FirecrawlAnswers.FieldProblem(error.field(), error.message()))
                .toList();
        String named = fields.stream()
                .map(field -> field.field() + " " + field.message())
                .collect(Collectors.joining("; "));
        return new FirecrawlAnswers.Failure(false, detail + ": " + named, fields);
    }
}
