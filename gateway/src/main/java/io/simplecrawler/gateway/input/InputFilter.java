package io.simplecrawler.gateway.input;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.gateway.problem.ProblemBodyProvider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters and unpaired surrogates in the path, the query parameters and the
 * headers the API reads, before the API key is checked or a route bound (so none of them reaches
 * Postgres, which refuses NUL in text, or a log line).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-100)
class InputFilter {
    private static final List<String> READ_HEADERS = List.of("Idempotency-Key", "Authorization", "X-API-Key");

    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> check(HttpRequest<?> request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String rawPath = request.getUri().getRawPath();
        try {
            add(errors, "path", URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("path", "must be correctly percent-encoded"));
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            String name = Text.shown(parameter.getKey());
            add(errors, name, parameter.getKey());
            parameter.getValue().forEach(value -> add(errors, name, value));
        }
        for (String header : READ_HEADERS) {
            request.getHeaders().getAll(header).forEach(value -> add(errors, header, value));
        }
        if (errors.isEmpty()) {
            return null;
        }
        return HttpResponse.<Problem>badRequest(
                        InvalidInput.problem(errors.stream().distinct().toList()))
                .contentType(ProblemBodyProvider.PROBLEM_JSON);
    }

    private static void add(List<Problem.FieldError> errors, String field, String value) {
        String problem = Text.problem(value);
        if (problem != null) {
            errors.add(new Problem.FieldError(field, problem));
        }
    }
}
