package io.simplecrawler.bench;

import io.simplecrawler.pageparse.PageParser;
import io.simplecrawler.pageparse.ParsedPage;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.settlement.Settlement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fetcher's work for one downloaded HTML page, as it does it: {@link PageParser#parse} (jsoup
 * parse, metadata, links, content clean-up, headings, word count, Markdown, and the format's
 * extra), the {@link PageRecord} built from it, and the page record and its
 * {@link LinksDiscovered} serialised with {@link EventJson} as the fetcher publishes them. One benchmark per output format
 * that costs more: markdown (and json, which parses the same), readable and summary.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PerPageBenchmark {
    private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-00000000b0b0");

    @Param({"PAGE_10K", "PAGE_100K", "PAGE_1M"})
    public BenchPages page;

    private final PageParser parser = new PageParser();
    private byte[] body;
    private String url;

    @Setup
    public void load() {
        body = page.bytes();
        url = page.url();
    }

    @Benchmark
    public void markdown(Blackhole sink) {
        fetch(OutputFormat.MARKDOWN, sink);
    }

    @Benchmark
    public void readable(Blackhole sink) {
        fetch(OutputFormat.READABLE, sink);
    }

    @Benchmark
    public void summary(Blackhole sink) {
        fetch(OutputFormat.SUMMARY, sink);
    }

    private void fetch(OutputFormat format, Blackhole sink) {
        // the fetcher passes the Content-Type's charset: none from nginx for .html, so jsoup reads the meta tag
        ParsedPage parsed = parser.parse(body, null, url, format);
        Settlement settlement = new Settlement(record(parsed), null);
        // the values of the fetcher's records to Topics.PAGES and Topics.LINKS (SettlementPublisher)
        sink.consume(EventJson.write(settlement.page()));
        sink.consume(EventJson.write(settlement.links()));
    }

    /** As the fetcher's TaskTrail builds a fetched page's record (a task without redirects, WARC or canonical URL). */
    private PageRecord record(ParsedPage parsed) {
        return parsed.describe(PageRecord.of(JOB, url, 1, FetchOutcome.FETCHED))
                .finalUrl(url)
                .status(200)
                .contentType("text/html")
                .fetchedAt(Instant.now())
                .fetchMs(3)
                .bytes(body.length)
                .build();
    }
}
