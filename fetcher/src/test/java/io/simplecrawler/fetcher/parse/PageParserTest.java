package io.simplecrawler.fetcher.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserTest {
    private static final String BASE = "https://example.org/docs/guide/";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title> The Guide </title><style>body { color: red }</style></head>
            <body>
              <header><a href="/">Site home</a></header>
              <nav><a href="../index.html">Docs index</a> <a href="/docs/api#top">API</a></nav>
              <h1>Getting started</h1>
              <p>Install it, then <a href="install.html#linux">read the install notes</a>.</p>
              <script>var secret = "tracking";</script>
              <noscript>Enable JavaScript</noscript>
              <h2>Steps</h2>
              <ul><li>Download</li><li>Unpack</li></ul>
              <ol><li>First</li><li>Second</li></ol>
              <table>
                <thead><tr><th>Option</th><th>Default</th></tr></thead>
                <tbody><tr><td>delay</td><td>1000</td></tr></tbody>
              </table>
              <p hidden>Hidden paragraph</p>
              <p><a href="mailto:team@example.org">Mail</a> <a href="javascript:void(0)">Click</a>
                 <a href="https://other.example.com/page">Elsewhere</a> <a href="install.html">Again</a>
                 <a href="ftp://example.org/file">FTP</a> <a href="#steps">Steps</a></p>
              <form><input name="q"><button>Search</button></form>
              <footer>Copyright footer</footer>
            </body></html>
            """;

    private final PageParser parser = new PageParser();

    private ParsedPage parse(String html) {
        return parser.parse(html.getBytes(StandardCharsets.UTF_8), null, BASE);
    }

    @Test
    void takesTheTitleAndTheVisibleTextOfTheBody() {
        ParsedPage page = parse(PAGE);

        assertEquals("The Guide", page.title());
        assertTrue(page.text().contains("Getting started"), page.text());
        assertTrue(page.text().contains("Install it, then read the install notes."), page.text());
        assertFalse(page.text().contains("tracking"), "script content is not text");
        assertFalse(page.text().contains("color: red"), "style content is not text");
    }

    @Test
    void resolvesLinksAbsolutelyInDocumentOrderWithoutFragmentsOrOtherSchemes() {
        assertEquals(List.of(
                "https://example.org/",
                "https://example.org/docs/index.html",
                "https://example.org/docs/api",
                "https://example.org/docs/guide/install.html",
                "https://other.example.com/page",
                "https://example.org/docs/guide/"), parse(PAGE).links());
    }

    @Test
    void convertsContentToMarkdownWithoutScriptsNavigationOrHiddenParts() {
        String markdown = parse(PAGE).markdown();

        assertTrue(markdown.startsWith("Getting started\n==============="), markdown);
        assertTrue(markdown.contains("\nSteps\n-----\n"), markdown);
        assertTrue(markdown.contains("* Download\n* Unpack\n"), markdown);
        assertTrue(markdown.contains("1. First\n2. Second\n"), markdown);
        assertTrue(markdown.contains("| Option | Default |\n|--------|---------|\n| delay  | 1000    |"), markdown);
        assertTrue(markdown.contains("[read the install notes](https://example.org/docs/guide/install.html#linux)"), markdown);
        for (String absent : List.of("tracking", "Docs index", "Site home", "Copyright footer", "Enable JavaScript",
                "Hidden paragraph", "Search", "color: red")) {
            assertFalse(markdown.contains(absent), absent + " should not be in:\n" + markdown);
        }
    }

    @Test
    void readsTheCharsetDeclaredInThePage() {
        byte[] latin1 = "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\u00e9</title></head><body>\u00e9t\u00e9</body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);

        ParsedPage page = parser.parse(latin1, null, BASE);

        assertEquals("Caf\u00e9", page.title());
        assertEquals("\u00e9t\u00e9", page.text());
    }

    @Test
    void toleratesAPageWithoutTitleOrLinks() {
        ParsedPage page = parse("<p>Just text");

        assertNull(page.title());
        assertEquals("Just text", page.text());
        assertEquals(List.of(), page.links());
        assertEquals("Just text", page.markdown());
    }
}
