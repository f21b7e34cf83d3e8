package io.simplecrawler.pageparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.OutputFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's content options in the one parse of a page: html, rawHtml, include and exclude tags. */
class ContentOptionsParseTest {
    private static final String BASE = "https://example.org/docs/page.html";
    private static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"iso-8859-1\">"
            + "<title>Caf\u00e9</title><script>track()</script></head><body>"
            + "<nav><a href=\"/home\">Home</a></nav>"
            + "<main><h1>Caf\u00e9 menu</h1><p>Coffee, <a href=\"tea.html\">tea</a>.</p>"
            + "<div class=\"ad\">Buy now</div><aside id=\"note\"><p>A side note.</p></aside></main>"
            + "<footer>Copyright</footer></body></html>";

    private final PageParser parser = new PageParser();

    private ParsedPage parse(OutputFormat format, ContentOptions options) {
        return parser.parse(PAGE.getBytes(StandardCharsets.ISO_8859_1), null, BASE, format, options);
    }

    @Test
    void aNativeJobCarriesNoHtml() {
        ParsedPage page = parse(OutputFormat.MARKDOWN, ContentOptions.NONE);

        assertNull(page.html());
        assertNull(page.rawHtml());
        assertTrue(page.markdown().contains("A side note."), page.markdown());
    }

    @Test
    void htmlIsTheCleanedContentWithAbsoluteLinksAndRawHtmlThePageAsFetched() {
        ParsedPage page =
                parse(OutputFormat.MARKDOWN, new ContentOptions(List.of("markdown", "html", "rawHtml"), null, null));

        assertEquals(PAGE, page.rawHtml(), "decoded with the page's declared charset, unchanged");
        assertTrue(page.html().startsWith("<body>"), page.html());
        assertTrue(page.html().contains("<a href=\"https://example.org/docs/tea.html\">tea</a>"), page.html());
        assertTrue(page.html().contains("Caf\u00e9 menu"), page.html());
        for (String notContent : List.of("<nav", "Home", "Copyright", "track()")) {
            assertFalse(page.html().contains(notContent), notContent + " in " + page.html());
        }
    }

    @Test
    void includeAndExcludeTagsDecideWhatIsConvertedButNotTheTextOrLinks() {
        ContentOptions options =
                new ContentOptions(List.of("markdown", "html"), List.of("main", "h1"), List.of(".ad", "#note"));

        for (OutputFormat format : List.of(OutputFormat.MARKDOWN, OutputFormat.READABLE, OutputFormat.SUMMARY)) {
            ParsedPage page = parse(format, options);
            String converted = format == OutputFormat.READABLE && page.readable() != null
                    ? page.readable().markdown()
                    : page.markdown();
            assertTrue(converted.contains("Coffee"), format + ": " + converted);
            assertEquals(1, page.html().split("Caf\u00e9 menu", -1).length - 1, "h1 inside main is kept once");
            for (String excluded : List.of("Buy now", "A side note.")) {
                assertFalse(converted.contains(excluded), format + ": " + converted);
                assertFalse(page.html().contains(excluded), page.html());
            }
            assertTrue(page.text().contains("Buy now"), "the page's text is the whole page's");
            assertTrue(page.links().contains("https://example.org/home"), "links come from the whole page");
        }
    }

    @Test
    void includeTagsThatMatchNothingLeaveNothingToConvert() {
        ParsedPage page = parse(OutputFormat.MARKDOWN, new ContentOptions(List.of("html"), List.of("article"), null));

        assertEquals("", page.markdown().strip());
        assertEquals("<body></body>", page.html());
        assertEquals(0, page.wordCount());
    }
}
