package io.simplecrawler.gateway.analytics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.gateway.problem.ProblemBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 503 problem with Retry-After: the statistics are not available now, the rest of the API is. */
@Singleton
@Produces(ProblemBodyProvider.PROBLEM_JSON)
class AnalyticsUnavailableHandler implements ExceptionHandler<AnalyticsUnavailable, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AnalyticsUnavailable exception) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        Problem problem = new Problem(
                "about:blank",
                HttpStatus.SERVICE_UNAVAILABLE.getReason(),
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                "The statistics service is not available; try again later",
                null);
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "10")
                .contentType(ProblemBodyProvider.PROBLEM_JSON)
                .body(problem);
    }
}
