/**
 * The SSRF guard's settings: the shared {@link io.simplecrawler.schemas.network.NetworkPolicy},
 * configured from {@code SIMPLECRAWLER_ALLOWED_NETWORKS} and {@code SIMPLECRAWLER_ALLOWED_PORTS}.
 * The fetch package's HTTP client applies it to every connection.
 */
package io.simplecrawler.fetcher.guard;
