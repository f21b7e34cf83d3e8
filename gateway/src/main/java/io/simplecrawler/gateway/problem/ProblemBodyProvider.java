package io.simplecrawler.gateway.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/** Renders Micronaut's error responses (validation, 404, 409, malformed bodies ...) as problems. */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<Error> errors = context.getErrors();
        List<Problem.FieldError> fields = context.getRootCause()
                .filter(ConstraintViolationException.class::isInstance)
                .map(e -> fieldErrors((ConstraintViolationException) e))
                .orElse(List.of());
        String detail;
        if (response.code() >= 500) {
            // the cause is in the log; its message may name internals
            detail = "The server could not handle the request";
        } else if (!fields.isEmpty()) {
            detail = "The request has invalid fields";
        } else {
            detail = errors.stream().map(Error::getMessage).findFirst().orElse(response.reason());
        }
        return new Problem("about:blank", response.reason(), response.code(), detail, fields.isEmpty() ? null : fields);
    }

    @Override
    public String contentType() {
        return PROBLEM_JSON;
    }

    private static List<Problem.FieldError> fieldErrors(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /**
     * The path "submit.request.maxPages" names the field "maxPages"; a list element's path
     * ("...includePaths[0].&lt;list element&gt;") names its list.
     */
    public static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                name = node.getName();
            }
        }
        return name;
    }
}
