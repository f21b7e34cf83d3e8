package io.simplecrawler.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.simplecrawler.gateway.guard.PermittedUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The {@code webhook} of {@code POST /crawl}.
 *
 * @param secret key of the HMAC-SHA256 signature in {@code X-SimpleCrawler-Signature}; never shown back
 * @param events which events to deliver; all of them when absent
 */
@Serdeable
public record WebhookRequest(
        @NotBlank
                @Size(max = 2048)
                @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*", message = "must be an absolute http(s) URL")
                @PermittedUrl
                String url,
        @Nullable @Size(max = 256) String secret,
        @Nullable @Size(max = 5)
                List<
                                @Pattern(
                                        regexp = "started|page|completed|failed|cancelled",
                                        message = "must be one of started, page, completed, failed, cancelled")
                                String>
                        events) {}
