package io.simplecrawler.frontier.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.crawlscope.CrawlScope;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkCandidatesTest {
    private final CrawlScope scope = CrawlScope.of(new JobSettings(
            "http://example.com/",
            10,
            2,
            OutputFormat.MARKDOWN,
            0,
            1,
            1000,
            List.of(),
            List.of("^/private"),
            false,
            false,
            false,
            true,
            0,
            false));

    @Test
    void keepsInScopeLinksOnceInDocumentOrderAndSetsTrapsApart() {
        LinkCandidates candidates = LinkCandidates.sort(
                scope,
                List.of(
                        "http://example.com/b",
                        "http://EXAMPLE.com/a#x",
                        "http://example.com/b",
                        "http://example.com/cal/next/next/next/",
                        "http://example.com/private/x",
                        "http://other.org/",
                        "mailto:x@example.com",
                        "http://example.com/" + "y".repeat(2100),
                        "http://example.com/a"));

        assertEquals(List.of("http://example.com/b", "http://example.com/a"), candidates.admissible());
        assertEquals(
                List.of("http://example.com/cal/next/next/next/", "http://example.com/" + "y".repeat(2100)),
                candidates.filtered());
    }
}
