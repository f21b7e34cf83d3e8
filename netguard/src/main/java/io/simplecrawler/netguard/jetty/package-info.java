/**
 * The guarded Jetty HTTP client: {@link io.simplecrawler.netguard.jetty.GuardedHttpClientBuilder}
 * builds every client that connects where a job or an API caller says (the fetcher's pages,
 * robots.txt and sitemaps, the gateway's webhooks), resolving each host once and connecting only
 * to the addresses the {@link io.simplecrawler.netguard.NetworkPolicy} allowed.
 */
package io.simplecrawler.netguard.jetty;
