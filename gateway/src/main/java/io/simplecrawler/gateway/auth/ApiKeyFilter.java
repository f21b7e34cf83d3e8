package io.simplecrawler.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.simplecrawler.gateway.problem.Problem;
import io.simplecrawler.gateway.problem.ProblemBodyProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Lets a request in with a valid key (Authorization: Bearer, or X-API-Key), or answers 401. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ApiKeyFilter {
    // the metrics for Prometheus, which has no key: nginx never serves /management from outside
    private static final Set<String> PUBLIC = Set.of("/", "/health", "/docs", "/openapi.yml", "/management/prometheus");
    // Swagger UI's and the dashboard's static files: the dashboard asks for a key itself
    private static final List<String> PUBLIC_PREFIXES = List.of("/swagger-ui/", "/ui/", "/webjars/");

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<Problem> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (PUBLIC.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith) || keys.open()) {
            return null;
        }
        Optional<ApiCaller> caller = keys.caller(presentedKey(request));
        if (caller.isEmpty()) {
            return HttpResponse.<Problem>status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .contentType(ProblemBodyProvider.PROBLEM_JSON)
                    .body(new Problem(
                            "about:blank",
                            "Unauthorized",
                            401,
                            "An API key is required: Authorization: Bearer <key> or X-API-Key: <key>",
                            null));
        }
        request.setAttribute(ApiCaller.ATTRIBUTE, caller.get());
        return null;
    }

    private static @Nullable String presentedKey(HttpRequest<?> request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return request.getHeaders().get("X-API-Key");
    }
}
