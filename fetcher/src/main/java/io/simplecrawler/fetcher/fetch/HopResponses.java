package io.simplecrawler.fetcher.fetch;

import io.simplecrawler.fetcher.protocol.Download;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A task's answers, hop by hop, shown as the JDK's own redirect chain (the last answer, with the
 * earlier ones behind {@link HttpResponse#previousResponse()}), which is what the WARC capture
 * reads. Bodies are as received, before decoding.
 */
final class HopResponses implements HttpResponse<byte[]> {
    private final Download download;
    private final HopResponses previous;

    private HopResponses(Download download, HopResponses previous) {
        this.download = download;
        this.previous = previous;
    }

    /** The last of {@code hops} (in request order), which must not be empty. */
    static HttpResponse<byte[]> of(List<Download> hops) {
        HopResponses last = null;
        for (Download hop : hops) {
            last = new HopResponses(hop, last);
        }
        return last;
    }

    @Override
    public int statusCode() {
        return download.status();
    }

    @Override
    public HttpRequest request() {
        return download.request();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.ofNullable(previous);
    }

    @Override
    public HttpHeaders headers() {
        return download.headers();
    }

    @Override
    public byte[] body() {
        return download.body().bytes();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return download.uri();
    }

    @Override
    public HttpClient.Version version() {
        return download.version();
    }
}
