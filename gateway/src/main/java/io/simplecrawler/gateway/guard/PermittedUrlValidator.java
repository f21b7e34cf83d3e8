package io.simplecrawler.gateway.guard;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import io.simplecrawler.netguard.NetworkPolicy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

@Singleton
class PermittedUrlValidator implements ConstraintValidator<PermittedUrl, String> {
    private final NetworkPolicy policy;

    PermittedUrlValidator(NetworkPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean isValid(
            @Nullable String value,
            @NonNull AnnotationValue<PermittedUrl> annotation,
            @NonNull ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            // not a URL at all: the field's @Pattern says so
            return true;
        }
        Optional<String> denied = policy.whyDeniedWithoutLookup(uri);
        if (denied.isPresent()) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "is denied by the network policy (SSRF guard): " + denied.get())
                    .addConstraintViolation();
        }
        return denied.isEmpty();
    }
}
