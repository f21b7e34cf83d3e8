/**
 * The SSRF guard's rules, the one owner of what a crawl (or a webhook) may reach: which schemes,
 * ports and IP addresses. {@link io.simplecrawler.netguard.NetworkPolicy} decides; the
 * {@code NetworkPolicy} bean is built from {@link io.simplecrawler.netguard.NetworkGuardConfiguration}
 * ({@code SIMPLECRAWLER_ALLOWED_NETWORKS}, {@code SIMPLECRAWLER_ALLOWED_PORTS}) for every service
 * that depends on this module. Connecting only to checked addresses is the
 * {@link io.simplecrawler.netguard.jetty} client's job.
 */
package io.simplecrawler.netguard;
