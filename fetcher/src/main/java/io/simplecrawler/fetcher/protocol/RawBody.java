package io.simplecrawler.fetcher.protocol;

/**
 * A response body as it came over the wire, possibly compressed.
 *
 * @param bytes     the bytes read, at most the limit asked for
 * @param truncated true when the body went on beyond them
 */
public record RawBody(byte[] bytes, boolean truncated) {}
