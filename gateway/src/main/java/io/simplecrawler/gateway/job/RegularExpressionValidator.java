package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import java.util.regex.PatternSyntaxException;

@Singleton
class RegularExpressionValidator implements ConstraintValidator<RegularExpression, String> {
    @Override
    public boolean isValid(
            @Nullable String value,
            @NonNull AnnotationValue<RegularExpression> annotation,
            @NonNull ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            java.util.regex.Pattern.compile(value);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
