package io.simplecrawler.pageparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.schemas.OutputFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** render "auto"'s rule on real shells (create-react-app's, Vite + Vue's, a Next.js page with its chrome) and plain pages. */
class ApplicationShellTest {
    private final PageParser parser = new PageParser();

    @ParameterizedTest(name = "{0}: shell {1}")
    @CsvSource({
        // empty #root, a deferred bundle and <noscript> asking for JavaScript
        "react-shell.html, true",
        // empty #app and a module script, nothing else in the body
        "vue-shell.html, true",
        // an empty #__next between a server-rendered header and footer of some twenty words
        "shell-with-chrome.html, true",
        // no script at all
        "article.html, false",
        // analytics, JSON-LD, a widget, a tracking pixel in <noscript>, and #app holding the article
        "article-with-scripts.html, false",
        // few words, but nothing runs
        "short-page.html, false",
        // a data script is not code
        "data-only-scripts.html, false"
    })
    void judgesThePageAsFetched(String file, boolean shell) {
        byte[] html = Golden.resource("shells/" + file).getBytes(StandardCharsets.UTF_8);
        ParsedPage page = parser.parse(html, "UTF-8", "https://example.org/" + file, OutputFormat.MARKDOWN);
        assertEquals(shell, page.applicationShell(), file);
    }
}
