package io.simplecrawler.fetcher.protocol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * One HTTP exchange: what came back from a single request.
 *
 * @param uri     the URL of the answer (the one requested, unless the request followed redirects)
 * @param body    the body as received, before decoding; empty when it was not needed
 * @param request the request as sent, headers included (for the WARC file)
 * @param version the protocol of the answer
 */
public record Download(
        URI uri, int status, HttpHeaders headers, RawBody body, HttpRequest request, HttpClient.Version version) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public ContentType contentType() {
        return ContentType.of(header("Content-Type").orElse(null));
    }

    /**
     * The body with its Content-Encoding undone, at most {@code maxBytes} of it.
     *
     * @throws IOException if the encoding is unknown or the bytes are not in it
     */
    public DecodedBody decodedBody(long maxBytes) throws IOException {
        return BodyDecoder.decode(body, header("Content-Encoding").orElse(null), maxBytes);
    }

    /** The most bytes {@link #decodedBody} can hold: the body itself, unless it is compressed and may inflate up to the limit. */
    public long decodedSizeBound(long maxBytes) {
        boolean identity = header("Content-Encoding")
                .map(String::strip)
                .map(encoding -> encoding.isEmpty() || encoding.equalsIgnoreCase("identity"))
                .orElse(true);
        return identity ? body.bytes().length : maxBytes;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && header("Location").isPresent();
    }
}
