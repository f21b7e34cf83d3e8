package io.simplecrawler.exporter.results;

import io.micronaut.http.HttpStatus;
import io.simplecrawler.schemas.CapturedExchange;
import io.simplecrawler.schemas.PageRecord;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * {@code crawl.warc.gz}: a warcinfo record, then for every captured HTTP exchange a WARC 1.1
 * response record and a request record pointing to it (WARC-Concurrent-To), each record its own
 * gzip member, so web-archive tools can replay and index it. The HTTP messages are rebuilt from
 * what the fetcher captured: HTTP/2 is written as HTTP/1.1 (as web archives do), the body as
 * received, and Content-Length counts the bytes kept (Transfer-Encoding is dropped: the body
 * is no longer chunked). A body cut short is flagged {@code WARC-Truncated: length}.
 */
final class CrawlWarc implements Closeable {
    static final String FILE_NAME = "crawl.warc.gz";
    /** Headers the rebuilt message replaces or cannot honour. */
    private static final Set<String> DROPPED_HEADERS = Set.of("content-length", "transfer-encoding");

    private final AtomicFile file;
    private final WarcWriter writer;
    private final URI warcinfoId;
    private int exchangesWritten;

    private CrawlWarc(AtomicFile file, WarcWriter writer, URI warcinfoId) {
        this.file = file;
        this.writer = writer;
        this.warcinfoId = warcinfoId;
    }

    static CrawlWarc create(Path target, JobSummary job) throws IOException {
        AtomicFile file = AtomicFile.open(target);
        WarcWriter writer = new WarcWriter(Channels.newChannel(file.stream()), WarcCompression.GZIP);
        Warcinfo warcinfo = new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(Instant.now())
                .filename(FILE_NAME)
                .fields(Map.of(
                        "software", List.of("SimpleCrawler"),
                        "format", List.of("WARC File Format 1.1"),
                        "description", List.of("Crawl of " + job.url() + " (job " + job.id() + ")")))
                .build();
        writer.write(warcinfo);
        return new CrawlWarc(file, writer, warcinfo.id());
    }

    void write(PageRecord page) throws IOException {
        if (page.exchanges() == null) {
            return;
        }
        Instant date = page.fetchedAt() != null ? page.fetchedAt() : Instant.now();
        for (CapturedExchange exchange : page.exchanges()) {
            URI target = URI.create(exchange.uri());
            WarcResponse.Builder response = new WarcResponse.Builder(target)
                    .version(MessageVersion.WARC_1_1)
                    .date(date)
                    .warcinfoId(warcinfoId)
                    .body(httpResponse(exchange));
            if (exchange.truncated()) {
                response.truncated(WarcTruncationReason.LENGTH);
            }
            WarcResponse written = response.build();
            writer.write(written);
            writer.write(new WarcRequest.Builder(target)
                    .version(MessageVersion.WARC_1_1)
                    .date(date)
                    .warcinfoId(warcinfoId)
                    .concurrentTo(written.id())
                    .body(httpRequest(exchange, target))
                    .build());
            exchangesWritten++;
        }
    }

    int exchangesWritten() {
        return exchangesWritten;
    }

    /** Ends the file and forces it to disk, not yet in place. */
    void finish() throws IOException {
        file.finish();
    }

    /** @return the file's entry in the manifest */
    FileDigest commit() throws IOException {
        file.commit();
        return file.digest();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static HttpResponse httpResponse(CapturedExchange exchange) {
        byte[] body = exchange.body() == null ? new byte[0] : exchange.body();
        String reason = HttpStatus.getDefaultReason(exchange.status());
        HttpResponse.Builder response = new HttpResponse.Builder(exchange.status(), reason == null ? "" : reason);
        headers(exchange.responseHeaders())
                .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        return response.addHeader("Content-Length", Integer.toString(body.length))
                .body(null, body)
                .build();
    }

    private static HttpRequest httpRequest(CapturedExchange exchange, URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        HttpRequest.Builder request = new HttpRequest.Builder(
                exchange.method(), target.getRawQuery() == null ? path : path + "?" + target.getRawQuery());
        // the JDK client sets Host itself, so the captured headers lack it
        request.addHeader("Host", target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort());
        headers(exchange.requestHeaders())
                .forEach((name, values) -> values.forEach(value -> request.addHeader(name, value)));
        return request.build();
    }

    private static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        if (headers == null) {
            return Map.of();
        }
        return headers.entrySet().stream()
                .filter(header -> !DROPPED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))
                        && !header.getKey().startsWith(":"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
