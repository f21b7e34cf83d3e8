package io.simplecrawler.settlement;

import io.simplecrawler.schemas.CapturedExchange;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageSummary;
import io.simplecrawler.schemas.ReadableArticle;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a settled task's records down to what Kafka accepts. The producer refuses a record over
 * its max.request.size (1 MiB by default), and a refused record would be retried forever, so the
 * job would never finish: a page of 10 MB of text, or of 100,000 links, must still make one
 * record. When a record is too big, every part of it that grows with the page (text, Markdown,
 * links, headings, title, description, the reader view, the summary, the WARC bodies, the HTML) keeps the
 * same share of its start (texts at least their first {@value #KEPT_CHARS} characters), smaller
 * and smaller until the record fits; the page is then flagged truncated. The links record is
 * made from the cut page, so the frontier gets the links that the page record lists (the first
 * ones, in document order).
 */
final class RecordSizeLimit {
    /** A record's value, leaving room under 1 MiB for its key, headers and batch overhead. */
    static final int MAX_VALUE_BYTES = 1_000_000;

    private static final double BELOW_THE_LIMIT = 0.9;
    /** What is kept of every text however small the share: a title, a heading stays whole. */
    private static final int KEPT_CHARS = 200;
    /** Below this share the page's lists are dropped altogether and its texts cut to {@link #KEPT_CHARS}. */
    private static final double LEAST_SHARE = 0.001;

    private RecordSizeLimit() {}

    /** The page record's and the links record's JSON, each at most {@link #MAX_VALUE_BYTES}. */
    static Fitted fit(Settlement settlement) {
        // a text longer than the limit is cut before the first serialisation, which would take many megabytes
        PageRecord whole = settlement.page();
        double share = Math.min(
                1,
                (double) MAX_VALUE_BYTES
                        / Math.max(
                                Math.max(length(whole.text()), length(whole.markdown())),
                                Math.max(length(whole.html()), length(whole.rawHtml()))));
        PageRecord page = share < 1 ? cut(whole, share) : whole;
        byte[] pageJson = EventJson.write(page);
        while (pageJson.length > MAX_VALUE_BYTES && share > 0) {
            share = nextShare(share, pageJson.length);
            page = cut(whole, share);
            pageJson = EventJson.write(page);
        }
        LinksDiscovered links = new Settlement(page, settlement.sitemapLinks()).links();
        byte[] linksJson = EventJson.write(links);
        for (double linksShare = 1; linksJson.length > MAX_VALUE_BYTES && linksShare > 0; ) {
            linksShare = nextShare(linksShare, linksJson.length);
            linksJson = EventJson.write(new LinksDiscovered(
                    links.jobId(),
                    links.sourceUrl(),
                    links.depth(),
                    links.outcome(),
                    head(links.links(), linksShare),
                    head(links.sitemapLinks(), linksShare)));
        }
        return new Fitted(pageJson, linksJson);
    }

    record Fitted(byte[] page, byte[] links) {}

    private static double nextShare(double share, int bytes) {
        double next = share * Math.min(BELOW_THE_LIMIT, BELOW_THE_LIMIT * MAX_VALUE_BYTES / bytes);
        return next < LEAST_SHARE ? 0 : next;
    }

    private static PageRecord cut(PageRecord p, double share) {
        return p.toBuilder()
                .title(head(p.title(), share))
                .text(head(p.text(), share))
                .markdown(head(p.markdown(), share))
                .links(head(p.links(), share))
                .truncated(Boolean.TRUE)
                .description(head(p.description(), share))
                .headings(head(p.headings(), share))
                .internalLinks(head(p.internalLinks(), share))
                .externalLinks(head(p.externalLinks(), share))
                .readable(cut(p.readable(), share))
                .summary(cut(p.summary(), share))
                .exchanges(cut(p.exchanges(), share))
                .html(head(p.html(), share))
                .rawHtml(head(p.rawHtml(), share))
                .build();
    }

    private static ReadableArticle cut(ReadableArticle article, double share) {
        return article == null
                ? null
                : new ReadableArticle(
                        head(article.title(), share),
                        head(article.byline(), share),
                        head(article.excerpt(), share),
                        head(article.markdown(), share));
    }

    private static PageSummary cut(PageSummary summary, double share) {
        return summary == null
                ? null
                : new PageSummary(head(summary.sentences(), share), head(summary.keywords(), share));
    }

    private static List<CapturedExchange> cut(List<CapturedExchange> exchanges, double share) {
        return exchanges == null
                ? null
                : exchanges.stream()
                        .map(e -> e.body() == null
                                ? e
                                : new CapturedExchange(
                                        e.uri(),
                                        e.method(),
                                        e.requestHeaders(),
                                        e.protocol(),
                                        e.status(),
                                        e.responseHeaders(),
                                        Arrays.copyOf(e.body(), (int) (e.body().length * share)),
                                        true))
                        .toList();
    }

    private static int length(String text) {
        return text == null ? 1 : Math.max(1, text.length());
    }

    private static String head(String text, double share) {
        if (text == null) {
            return null;
        }
        int end = Math.max((int) (text.length() * share), Math.min(text.length(), KEPT_CHARS));
        // not between the two halves of a surrogate pair
        return text.substring(0, end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
    }

    private static <T> List<T> head(List<T> list, double share) {
        return list == null ? null : List.copyOf(list.subList(0, (int) (list.size() * share)));
    }
}
