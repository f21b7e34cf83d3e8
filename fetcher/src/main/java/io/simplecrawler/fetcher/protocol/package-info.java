/**
 * The HTTP layer: one request through netguard's guarded Jetty client ({@code PageDownloader}),
 * its politeness, cancel check and retries ({@code PoliteClient}, {@code RetryPolicy}), the
 * answer ({@code Download}, {@code Exchange}) with its body limits and decoding, the User-Agent,
 * and what a failure means ({@code FetchFailure}). Below {@code robots}, {@code sitemap} and the
 * task orchestration in {@code fetch}, which all request through it; it knows nothing of them.
 */
package io.simplecrawler.fetcher.protocol;
