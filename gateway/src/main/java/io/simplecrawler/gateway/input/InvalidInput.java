package io.simplecrawler.gateway.input;

import io.simplecrawler.gateway.problem.Problem;
import java.util.List;

/** Client input refused before it is bound: answered with a 400 problem listing {@link #errors()}. */
public class InvalidInput extends RuntimeException {
    private final transient List<Problem.FieldError> errors;

    public InvalidInput(List<Problem.FieldError> errors) {
        super(
                "invalid fields: "
                        + errors.stream().map(Problem.FieldError::field).toList(),
                null,
                false,
                false);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The 400 problem for {@code errors}, the shape of the validation errors. */
    public static Problem problem(List<Problem.FieldError> errors) {
        return new Problem("about:blank", "Bad Request", 400, "The request has invalid fields", errors);
    }
}
