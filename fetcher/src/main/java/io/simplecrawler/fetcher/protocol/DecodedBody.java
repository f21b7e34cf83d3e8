package io.simplecrawler.fetcher.protocol;

/**
 * A response body after its Content-Encoding was undone.
 *
 * @param truncated true when it was cut off at the job's limit
 */
public record DecodedBody(byte[] bytes, boolean truncated) {}
