package io.simplecrawler.gateway.input;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.gateway.problem.ProblemBodyProvider;
import jakarta.inject.Singleton;

@Singleton
@Produces(ProblemBodyProvider.PROBLEM_JSON)
@Requires(classes = {InvalidInput.class, ExceptionHandler.class})
class InvalidInputHandler implements ExceptionHandler<InvalidInput, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidInput exception) {
        return HttpResponse.<Problem>badRequest(InvalidInput.problem(exception.errors()))
                .contentType(ProblemBodyProvider.PROBLEM_JSON);
    }
}
