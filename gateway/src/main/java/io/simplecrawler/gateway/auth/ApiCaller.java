package io.simplecrawler.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * Who makes a request: the name of its API key, or nobody in open mode.
 *
 * @param name  the key's name, stored as the owner of the jobs it submits; null in open mode
 * @param admin sees and manages every job
 */
public record ApiCaller(@Nullable String name, boolean admin) {
    static final String ATTRIBUTE = "simplecrawler.caller";
    public static final ApiCaller OPEN = new ApiCaller(null, true);

    /** The caller the {@link ApiKeyFilter} recognised for this request. */
    public static ApiCaller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ApiCaller.class).orElse(OPEN);
    }

    /** Whether this caller may see a job owned by {@code owner}. */
    public boolean owns(@Nullable String owner) {
        return admin || (name != null && name.equals(owner));
    }
}
