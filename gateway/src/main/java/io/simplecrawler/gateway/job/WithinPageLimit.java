package io.simplecrawler.gateway.job;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A page budget no larger than the operator's limit per job ({@code SIMPLECRAWLER_MAX_PAGES_LIMIT},
 * 1000 by default); see {@link PageLimitValidator}.
 */
@Retention(RUNTIME)
@Target({METHOD, FIELD, PARAMETER})
@Constraint(validatedBy = PageLimitValidator.class)
public @interface WithinPageLimit {
    String message() default "must be less than or equal to the page limit per job";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
