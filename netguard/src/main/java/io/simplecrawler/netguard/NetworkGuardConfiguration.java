package io.simplecrawler.netguard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The SSRF guard's settings ({@code simplecrawler.*}), read by every service that connects where
 * a job or an API caller says. Parsed by {@link NetworkPolicy#of}, so a bad entry stops the
 * service at start-up.
 *
 * @param allowedNetworks comma-separated CIDRs allowed although a default range denies them
 *                        ({@value NetworkPolicy#ALLOWED_NETWORKS}); none when unset
 * @param allowedPorts    comma-separated ports and ranges besides 80 and 443
 *                        ({@value NetworkPolicy#ALLOWED_PORTS}); none when unset
 */
@ConfigurationProperties("simplecrawler")
public record NetworkGuardConfiguration(@Nullable String allowedNetworks, @Nullable String allowedPorts) {}
