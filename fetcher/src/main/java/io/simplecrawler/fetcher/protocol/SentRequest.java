package io.simplecrawler.fetcher.protocol;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/** A GET as the HTTP client sent it, in the JDK's terms, for the WARC capture. */
final class SentRequest extends HttpRequest {
    private final URI uri;
    private final HttpHeaders headers;
    private final HttpClient.Version version;

    SentRequest(URI uri, HttpHeaders headers, HttpClient.Version version) {
        this.uri = uri;
        this.headers = headers;
        this.version = version;
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return Optional.empty();
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.empty();
    }

    @Override
    public boolean expectContinue() {
        return false;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return Optional.of(version);
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
