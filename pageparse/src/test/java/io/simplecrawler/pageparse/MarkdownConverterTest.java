package io.simplecrawler.pageparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownConverterTest {
    private static final String TYPOGRAPHY = "“Quoted” ‘single’ it’s «guillemets» wait… 1–2 a—b &amp;ldquo;x&amp;rdquo;"
            + " &amp;lsquo;&amp;rsquo;&amp;apos; &amp;laquo;&amp;raquo; &amp;hellip; &amp;endash; &amp;emdash; & <>";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>%s</p>",
                "<h2>%s</h2><ul><li>%s</li><li><em>%s</em> <strong>%s</strong></li></ul>",
                "<p>text <code>%s</code> and <a href='https://example.org/%%E2%%80%%9C'>%s</a></p>",
                "<table><tr><th>%s</th></tr><tr><td>%s</td></tr></table>",
                "<dl><dt>%s</dt><dd>%s</dd></dl><blockquote>%s</blockquote>",
                "<p><img alt='%s' src='https://example.org/i.png'> %s</p>"
            })
    void typographyComesOutAsFlexmarksOwnPassMakesIt(String template) {
        String html = template.replace("%s", TYPOGRAPHY);
        String expected = MarkdownConverter.flexmark(true)
                .convert(Jsoup.parse(html).body())
                .strip();

        assertEquals(expected, new MarkdownConverter().convert(Jsoup.parse(html).body()));
    }

    /** flexmark's own pass rewrites {@code <pre><code>} too (not a bare {@code <pre>}): code must stay as written. */
    @Test
    void codeBlocksKeepTheirCharacters() {
        Document page = Jsoup.parse("<pre><code class='language-sql'>SELECT '“a” – b…';</code></pre><pre>x — y</pre>");

        assertEquals(
                "```sql\nSELECT '“a” – b…';\n```\n\n```\nx — y\n```", new MarkdownConverter().convert(page.body()));
    }

    @Test
    void aPageWithoutTypographyIsConvertedAsIs() {
        Document page = Jsoup.parse("<h1>Title</h1><p>Plain text, with a <a href='https://example.org/'>link</a>.</p>");

        assertEquals(
                "# Title\n\nPlain text, with a [link](https://example.org/).",
                new MarkdownConverter().convert(page.body()));
    }
}
