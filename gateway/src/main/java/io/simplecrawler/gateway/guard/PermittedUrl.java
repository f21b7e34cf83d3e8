package io.simplecrawler.gateway.guard;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A URL the network policy lets the crawler reach, as far as can be told without DNS: http or
 * https, an allowed port, and no denied address literal. The violation's message names the rule.
 */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = PermittedUrlValidator.class)
public @interface PermittedUrl {
    String message() default "is denied by the network policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
