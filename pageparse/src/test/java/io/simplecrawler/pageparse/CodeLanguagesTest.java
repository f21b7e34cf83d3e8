package io.simplecrawler.pageparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeLanguagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            <pre><code class="language-java">x</code></pre>                                | language-java
            <pre><code class="hljs language-TypeScript">x</code></pre>                     | language-typescript
            <pre class="lang-python">x</pre>                                             | language-python
            <pre class="prettyprint lang-go"><code>x</code></pre>                         | language-go
            <div class="highlight highlight-source-rust"><pre>x</pre></div>               | language-rust
            <div class="highlight-bash notranslate"><div class="highlight"><pre>x</pre></div></div> | language-bash
            <pre data-lang="sql">x</pre>                                                  | language-sql
            <div class="highlight-default"><div class="highlight"><pre>x</pre></div></div> | ''
            <pre class="programlisting">x</pre>                                           | ''
            <pre><code>x</code></pre>                                                     | ''
            """)
    void findsTheLanguageWhereTheHtmlNamesIt(String html, String expectedClass) {
        Element body = Jsoup.parse(html).body();

        CodeLanguages.mark(body);

        Element code = body.selectFirst("pre > code");
        assertEquals(expectedClass, code == null ? "" : code.className(), body.html());
        assertEquals("x", body.selectFirst("pre").text());
    }
}
