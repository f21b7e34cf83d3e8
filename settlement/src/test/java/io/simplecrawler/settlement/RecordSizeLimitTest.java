package io.simplecrawler.settlement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.PageRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordSizeLimitTest {
    private static final String URL = "http://127.0.0.1:1/";

    @Test
    void aRecordThatFitsIsSentAsItIs() {
        Settlement settlement = new Settlement(page("Small", "text", List.of(URL + "a")), List.of(URL + "b"));

        RecordSizeLimit.Fitted fitted = RecordSizeLimit.fit(settlement);

        assertArrayEquals(EventJson.write(settlement.page()), fitted.page());
        assertArrayEquals(EventJson.write(settlement.links()), fitted.links());
        assertNull(EventJson.read(fitted.page(), PageRecord.class).truncated());
    }

    @Test
    void aPageOfMegabytesOfTextAndHundredThousandLinksIsCutToOneRecordEach() {
        List<String> links =
                IntStream.range(0, 100_000).mapToObj(i -> URL + "link/" + i).toList();
        List<String> sitemapLinks = IntStream.range(0, 1000)
                .mapToObj(i -> URL + "s/" + "x".repeat(2000) + i)
                .toList();
        Settlement settlement = new Settlement(page("Title", "x".repeat(3_000_000), links), sitemapLinks);

        RecordSizeLimit.Fitted fitted = RecordSizeLimit.fit(settlement);

        assertTrue(fitted.page().length <= RecordSizeLimit.MAX_VALUE_BYTES, "page record of " + fitted.page().length);
        assertTrue(
                fitted.links().length <= RecordSizeLimit.MAX_VALUE_BYTES, "links record of " + fitted.links().length);
        PageRecord page = EventJson.read(fitted.page(), PageRecord.class);
        assertEquals(Boolean.TRUE, page.truncated());
        assertEquals("Title", page.title(), "short texts stay whole");
        assertTrue(
                page.text().length() > 100_000,
                "a share of the text is kept: " + page.text().length());
        assertEquals(links.subList(0, page.links().size()), page.links(), "the first links, in order");
        LinksDiscovered sent = EventJson.read(fitted.links(), LinksDiscovered.class);
        assertEquals(page.links().subList(0, sent.links().size()), sent.links(), "the frontier gets the page's links");
        assertTrue(sent.sitemapLinks().size() < sitemapLinks.size()
                && !sent.sitemapLinks().isEmpty());
    }

    private static PageRecord page(String title, String text, List<String> links) {
        return PageRecord.of(UUID.randomUUID(), URL, 0, FetchOutcome.FETCHED)
                .finalUrl(URL)
                .status(200)
                .contentType("text/html")
                .fetchedAt(Instant.now())
                .fetchMs(1)
                .bytes(text.length())
                .title(title)
                .text(text)
                .markdown(text)
                .links(links)
                .build();
    }
}
