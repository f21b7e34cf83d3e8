package io.simplecrawler.gateway.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem; {@code errors} names each invalid field of a request and why.
 *
 * @param type a URI that identifies the kind of problem ("about:blank" when the status says it all)
 */
@Serdeable
public record Problem(
        String type, String title, int status, @Nullable String detail, @Nullable List<FieldError> errors) {

    @Serdeable
    public record FieldError(String field, String message) {}
}
