package io.simplecrawler.fetcher.archive;

import io.simplecrawler.schemas.CapturedExchange;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A fetch's HTTP exchanges as the job's WARC file needs them: each redirect hop and the final
 * response, with the request headers the fetcher set and the response headers and body as
 * received. The exporter writes them as WARC request and response records.
 */
public final class ExchangeCapture {
    /**
     * The most body bytes kept per response. A page record travels through Kafka, whose records
     * are limited to about 1 MB by default, and carries the page's text and Markdown besides.
     */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private ExchangeCapture() {}

    /**
     * @param response the final response; its redirect hops are reached through {@link HttpResponse#previousResponse()}
     * @param bodyRead whether the fetcher read the final body (it reads only what it parses)
     * @return the exchanges, redirects first
     */
    public static List<CapturedExchange> of(HttpResponse<byte[]> response, boolean bodyRead) {
        List<CapturedExchange> exchanges = new ArrayList<>();
        exchanges.add(exchange(response, response.body(), bodyRead));
        for (Optional<HttpResponse<byte[]>> hop = response.previousResponse();
                hop.isPresent();
                hop = hop.get().previousResponse()) {
            // a redirect's body is never read: the client follows the Location header
            exchanges.add(exchange(hop.get(), null, false));
        }
        Collections.reverse(exchanges);
        return exchanges;
    }

    private static CapturedExchange exchange(HttpResponse<byte[]> response, byte[] body, boolean bodyRead) {
        byte[] kept = body == null ? null : Arrays.copyOf(body, Math.min(body.length, MAX_BODY_BYTES));
        int keptLength = kept == null ? 0 : kept.length;
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean truncated = declared >= 0 ? declared > keptLength : !bodyRead || keptLength < body.length;
        return new CapturedExchange(
                response.uri().toString(),
                response.request().method(),
                response.request().headers().map(),
                response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1",
                response.statusCode(),
                response.headers().map(),
                keptLength == 0 ? null : kept,
                truncated);
    }
}
