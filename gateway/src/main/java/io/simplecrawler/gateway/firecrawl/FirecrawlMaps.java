package io.simplecrawler.gateway.firecrawl;

import io.simplecrawler.gateway.input.InvalidInput;
import io.simplecrawler.gateway.job.CrawlRequest;
import io.simplecrawler.gateway.problem.Problem;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a Firecrawl map request (the URL as {@code POST /crawl} checks a seed, SSRF guard
 * included; the limit, timeout and sitemap choice) and maps the site ({@link SiteMapper}).
 */
@Singleton
class FirecrawlMaps {
    private static final Set<String> SITEMAP = Set.of("include", "skip", "only");

    private final Validator validator;
    private final SiteMapper mapper;

    FirecrawlMaps(Validator validator, SiteMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    List<MapLink> map(MapAsked asked) {
        List<Problem.FieldError> errors = new ArrayList<>();
        asked.unsupported()
                .forEach(name -> errors.add(new Problem.FieldError(name, "is not supported by this crawler")));
        validator.validateProperty(new CrawlRequest(asked.url(), null, null, null), "url").stream()
                .map(violation -> new Problem.FieldError("url", violation.getMessage()))
                .forEach(errors::add);
        if (!SITEMAP.contains(asked.sitemap())) {
            errors.add(new Problem.FieldError("sitemap", "must be one of include, skip, only"));
        }
        if (asked.limit() < 1 || asked.limit() > MapAsked.MOST) {
            errors.add(new Problem.FieldError("limit", "must be between 1 and " + MapAsked.MOST));
        }
        if (asked.timeoutMs() < 1_000 || asked.timeoutMs() > 120_000) {
            errors.add(new Problem.FieldError("timeout", "must be between 1000 and 120000 (milliseconds)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return mapper.map(URI.create(asked.url().trim()), asked);
    }
}
