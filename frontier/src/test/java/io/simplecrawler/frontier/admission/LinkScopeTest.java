package io.simplecrawler.frontier.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkScopeTest {
    private final LinkScope scope = LinkScope.ofSeed("http://Example.com:80/start").orElseThrow();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
        "http://example.com/a,                 http://example.com/a",
        "HTTP://EXAMPLE.COM:80/a#section,      http://example.com/a",
        "http://example.com/x/../a?q=1,        http://example.com/a?q=1",
        "http://example.com,                   http://example.com/",
        "http://example.com:8080/a,            NONE",
        "https://example.com/a,                NONE",
        "http://other.example.com/a,           NONE",
        "mailto:someone@example.com,           NONE",
        "javascript:alert(1),                  NONE",
        "ftp://example.com/file,               NONE",
    })
    void admitsOnlyNormalisedUrlsOfTheSeedsOrigin(String link, String expected) {
        List<String> admissible = scope.admissible(List.of(link));
        assertEquals(expected == null ? List.of() : List.of(expected), admissible);
    }

    @org.junit.jupiter.api.Test
    void deduplicatesSpellingsOfOnePageInOrder() {
        assertEquals(List.of("http://example.com/b", "http://example.com/a"),
                scope.admissible(List.of("http://example.com/b", "http://example.com/a#x", "http://EXAMPLE.com/b")));
    }
}
