package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

@Singleton
class PageLimitValidator implements ConstraintValidator<WithinPageLimit, Integer> {
    private final int limit;

    PageLimitValidator(PageLimitConfiguration configuration) {
        this.limit = configuration.maxPagesLimit();
    }

    @Override
    public boolean isValid(
            @Nullable Integer value,
            @NonNull AnnotationValue<WithinPageLimit> annotation,
            @NonNull ConstraintValidatorContext context) {
        if (value == null || value <= limit) {
            return true;
        }
        context.messageTemplate("must be less than or equal to " + limit);
        return false;
    }
}
