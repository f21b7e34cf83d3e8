package io.simplecrawler.gateway.job;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A string that compiles as a Java regular expression. */
@Retention(RUNTIME)
@Target(TYPE_USE)
@Constraint(validatedBy = RegularExpressionValidator.class)
public @interface RegularExpression {
    String message() default "must be a valid regular expression";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
