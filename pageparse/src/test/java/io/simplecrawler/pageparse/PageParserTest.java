package io.simplecrawler.pageparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.schemas.Heading;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageSummary;
import io.simplecrawler.schemas.ReadableArticle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserTest {
    private static final String BASE = "https://widgets.example.org/docs/server/configuration.html";
    private static final String PAGE = Golden.resource("every-construct.html");
    /** Not content: none of these may reach the Markdown. */
    private static final List<String> NOT_CONTENT = List.of(
            "Skip to content",
            "Widget logo",
            "Blog",
            "Search the docs",
            "In this section",
            "Installing",
            "Upgrading",
            "analytics",
            "hidden by",
            "Decoration",
            "template",
            "Copyright",
            "Privacy",
            "Write to us",
            ".hidden",
            "Docs](");

    private final PageParser parser = new PageParser();

    private ParsedPage parse(String html, OutputFormat format) {
        return parser.parse(html.getBytes(StandardCharsets.UTF_8), null, BASE, format);
    }

    @Test
    void markdownOfAPageWithEveryConstructMatchesTheGoldenFile() {
        Golden.assertMatches(
                "every-construct.md", parse(PAGE, OutputFormat.MARKDOWN).markdown() + "\n");
    }

    @Test
    void readerViewOfAPageWithEveryConstructMatchesTheGoldenFile() {
        ReadableArticle article = parse(PAGE, OutputFormat.READABLE).readable();

        Golden.assertMatches(
                "every-construct.readable.md",
                "title: " + article.title() + "\nbyline: " + article.byline() + "\nexcerpt: " + article.excerpt()
                        + "\n\n" + article.markdown() + "\n");
    }

    @Test
    void summaryOfAPageWithEveryConstructMatchesTheGoldenFile() {
        PageSummary summary = parse(PAGE, OutputFormat.SUMMARY).summary();

        Golden.assertMatches(
                "every-construct.summary.txt",
                String.join("\n", summary.sentences()) + "\nkeywords: " + String.join(", ", summary.keywords()) + "\n");
    }

    @Test
    void markdownKeepsTheContentAndDropsNavigationBannerFooterFormsAndHiddenParts() {
        String markdown = parse(PAGE, OutputFormat.MARKDOWN).markdown();

        for (String kept : List.of(
                "# Configuring the Widget Server",
                "## Configuration files",
                "### Options",
                "| `workers`   | 4       |",
                "```java\nWidgetServer server",
                "```properties\nport=9090",
                "```python\nimport widget",
                "```bash\n$ widget-server",
                "```\n2025-03-03",
                "1. The path given with `--config`.",
                "   - `~/.config/widget/widget.conf` on Linux",
                "> **Note:** the server refuses",
                "[installation guide](https://widgets.example.org/docs/server/install.html#requirements)",
                "[community FAQ](https://example.com/widgets/faq)",
                "![Architecture of the Widget Server](https://widgets.example.org/docs/images/architecture.png)",
                "By Ada Lovelace",
                "Last reviewed in March 2025.")) {
            assertTrue(markdown.contains(kept), () -> "missing " + kept + " in:\n" + markdown);
        }
        for (String dropped : NOT_CONTENT) {
            assertFalse(markdown.contains(dropped), () -> dropped + " should not be in:\n" + markdown);
        }
    }

    @Test
    void docBookLayoutLeavesNoIdsLineBreaksOrRunsOfBlankLines() {
        String markdown = parse(
                        """
                <body id="docContent"><div class="sect1" id="S1"><div class="titlepage"><h2 class="title" id="T">8.1. Types</h2></div>
                <a id="id-1.5" class="indexterm"></a><p>Intro.</p>
                <div class="table" id="TABLE"><p class="title"><strong>Table 8.2</strong></p><div class="table-contents">
                <table><thead><tr><th>Name</th></tr></thead><tbody><tr><td>smallint</td></tr></tbody></table></div></div>
                <br class="table-break"><pre class="programlisting">NUMERIC(3, 1)</pre></div></body>""",
                        OutputFormat.MARKDOWN)
                .markdown();

        assertEquals(
                """
                ## 8.1. Types

                Intro.

                **Table 8.2**

                |   Name   |
                |----------|
                | smallint |

                ```
                NUMERIC(3, 1)
                ```""",
                markdown);
    }

    @Test
    void takesTheMetadataTextAndHeadings() {
        ParsedPage page = parse(PAGE, OutputFormat.MARKDOWN);

        assertEquals("Configuring the Widget Server | Widget Docs", page.title());
        assertEquals("How to configure the Widget Server: files, options and examples.", page.description());
        assertEquals("en-GB", page.language());
        assertEquals("https://widgets.example.org/docs/server/configuration.html", page.canonical());
        assertEquals(
                List.of(
                        new Heading(1, "Configuring the Widget Server"),
                        new Heading(2, "Configuration files"),
                        new Heading(3, "Options"),
                        new Heading(3, "Examples"),
                        new Heading(2, "Reloading")),
                page.headings());
        assertTrue(page.text().startsWith("Skip to content"), "the text is what a browser shows, navigation too");
        assertFalse(page.text().contains("analytics"), "script content is not text");
    }

    @Test
    void countsTheWordsOfTheContentOnly() {
        ParsedPage page = parse(
                """
                <nav>Home About Contact</nav>
                <p>Three short words.</p><p>And four more here, with <code>x = 1</code> too.</p>
                <footer>Copyright</footer>""",
                OutputFormat.MARKDOWN);

        assertEquals(11, page.wordCount(), "\"=\" is no word");
    }

    @Test
    void splitsLinksByHostKeepingAllOfThemInDocumentOrderForTheFrontier() {
        ParsedPage page = parse(PAGE, OutputFormat.MARKDOWN);

        assertEquals(
                List.of(
                        "https://widgets.example.org/docs/server/configuration.html",
                        "https://widgets.example.org/",
                        "https://widgets.example.org/docs/",
                        "https://widgets.example.org/blog/",
                        "https://widgets.example.org/docs/server/install.html",
                        "https://widgets.example.org/docs/server/upgrade.html",
                        "https://example.com/widgets/faq",
                        "https://widgets.example.org/privacy.html"),
                page.links());
        assertEquals(List.of("https://example.com/widgets/faq"), page.externalLinks());
        assertEquals(
                page.links().stream()
                        .filter(link -> !link.startsWith("https://example.com/"))
                        .toList(),
                page.internalLinks());
    }

    @Test
    void addsTheReaderViewOnlyForTheReadableFormat() {
        assertNull(parse(PAGE, OutputFormat.MARKDOWN).readable());

        ReadableArticle article = parse(PAGE, OutputFormat.READABLE).readable();

        assertNotNull(article);
        assertEquals("Ada Lovelace", article.byline(), "the author meta tag wins");
        assertTrue(article.markdown().contains("## Configuration files"), article.markdown());
        assertTrue(article.markdown().contains("```java"), article.markdown());
        assertTrue(article.markdown().contains("| `port`"), article.markdown());
        for (String dropped : NOT_CONTENT) {
            assertFalse(
                    article.markdown().contains(dropped), () -> dropped + " should not be in:\n" + article.markdown());
        }
    }

    @Test
    void addsTheSummaryOnlyForTheSummaryFormat() {
        assertNull(parse(PAGE, OutputFormat.MARKDOWN).summary());

        var summary = parse(PAGE, OutputFormat.SUMMARY).summary();

        assertNotNull(summary);
        assertEquals(3, summary.sentences().size(), summary.toString());
        assertEquals("server", summary.keywords().get(0), summary.toString());
        assertTrue(summary.keywords().containsAll(List.of("widget", "configuration")), summary.toString());
    }

    @Test
    void decodesTheCharsetDeclaredInThePageOrGivenByTheHeader() {
        String html =
                "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\u00e9</title></head><body><p>\u00e9t\u00e9 \u00e0 Z\u00fcrich</p></body></html>";

        ParsedPage declared =
                parser.parse(html.getBytes(StandardCharsets.ISO_8859_1), null, BASE, OutputFormat.MARKDOWN);
        ParsedPage fromHeader = parser.parse(
                "<p>\u00c4rger \u20ac</p>".getBytes(java.nio.charset.Charset.forName("windows-1252")),
                "windows-1252",
                BASE,
                OutputFormat.MARKDOWN);
        ParsedPage japanese = parser.parse(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\u65e5\u672c\u8a9e</p>"
                        .getBytes(java.nio.charset.Charset.forName("Shift_JIS")),
                null,
                BASE,
                OutputFormat.MARKDOWN);

        assertEquals("Caf\u00e9", declared.title());
        assertEquals("\u00e9t\u00e9 \u00e0 Z\u00fcrich", declared.markdown());
        assertEquals("\u00c4rger \u20ac", fromHeader.markdown());
        assertEquals("\u65e5\u672c\u8a9e", japanese.markdown());
    }

    @Test
    void toleratesAPageWithoutTitleLinksOrContent() {
        ParsedPage page = parse("<p>Just text", OutputFormat.SUMMARY);

        assertNull(page.title());
        assertNull(page.description());
        assertNull(page.language());
        assertNull(page.canonical());
        assertEquals("Just text", page.text());
        assertEquals(List.of(), page.links());
        assertEquals("Just text", page.markdown());
        assertEquals(List.of(), page.summary().sentences());
        assertEquals(ParsedPage.class, parse("", OutputFormat.READABLE).getClass());
    }
}
