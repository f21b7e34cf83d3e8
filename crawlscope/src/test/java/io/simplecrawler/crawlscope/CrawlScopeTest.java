package io.simplecrawler.crawlscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simplecrawler.crawlscope.CrawlScope.Verdict;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrawlScopeTest {
    private static final String SEED = "http://Example.com:80/start";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "NONE",
            value = {
                "http://example.com/a,                 http://example.com/a",
                "HTTP://EXAMPLE.COM:80/a#section,      http://example.com/a",
                "http://example.com/x/../a?q=1,        http://example.com/a?q=1",
                "http://example.com/./b/,              http://example.com/b/",
                "http://example.com,                   http://example.com/",
                "https://example.com:443/a,            https://example.com/a",
                "http://example.com:8080/a,            http://example.com:8080/a",
                "mailto:someone@example.com,           NONE",
                "javascript:alert(1),                  NONE",
                "ftp://example.com/file,               NONE",
                "/relative,                            NONE",
            })
    void normalisesSpellingsOfOneUrl(String url, String expected) {
        assertEquals(expected, CrawlScope.normalise(url).orElse(null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://example.com/a,            IN_SCOPE",
        "http://example.com:8080/a,       OUT_OF_SCOPE",
        "https://example.com/a,           OUT_OF_SCOPE",
        "http://blog.example.com/a,       OUT_OF_SCOPE",
        "http://other.org/a,              OUT_OF_SCOPE",
        "http://example.com/a/b/a/b/a,    TRAP",
        "http://example.com/a/b/a/b,      IN_SCOPE",
        "http://example.com/cal/next/next/next/, TRAP",
    })
    void byDefaultOnlyTheSeedsOriginAndNoTraps(String url, Verdict expected) {
        assertEquals(expected, scope(settings()).judge(url));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://example.com/a,            IN_SCOPE",
        "http://blog.example.com/a,       IN_SCOPE",
        "http://a.b.example.com/a,        IN_SCOPE",
        "http://notexample.com/a,         OUT_OF_SCOPE",
        "https://blog.example.com/a,      OUT_OF_SCOPE",
        "http://blog.example.com:81/a,    OUT_OF_SCOPE",
    })
    void subdomainsWhenAllowed(String url, Verdict expected) {
        assertEquals(
                expected, scope(settings(List.of(), List.of(), true, false)).judge(url));
    }

    @Test
    void aWwwSeedAllowsTheSitesOtherSubdomains() {
        JobSettings www = new JobSettings(
                "https://www.example.com/",
                10,
                2,
                OutputFormat.MARKDOWN,
                0,
                1,
                1000,
                List.of(),
                List.of(),
                true,
                false,
                false,
                true,
                0,
                false);
        assertEquals(Verdict.IN_SCOPE, scope(www).judge("https://docs.example.com/x"));
        assertEquals(Verdict.IN_SCOPE, scope(www).judge("https://example.com/x"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://other.org/a,              IN_SCOPE",
        "https://example.com/a,           IN_SCOPE",
        "ftp://example.com/a,             OUT_OF_SCOPE",
    })
    void anyHttpHostWhenExternalLinksAreAllowed(String url, Verdict expected) {
        assertEquals(
                expected, scope(settings(List.of(), List.of(), false, true)).judge(url));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://example.com/blog/post-1,          IN_SCOPE",
        "http://example.com/blog/drafts/post-2,   OUT_OF_SCOPE",
        "http://example.com/docs/blog/x,          OUT_OF_SCOPE",
        "http://example.com/about,                OUT_OF_SCOPE",
        "http://example.com/news/1?blog=1,        IN_SCOPE",
    })
    void includeAndExcludePatternsApplyToThePath(String url, Verdict expected) {
        JobSettings settings = settings(List.of("^/blog/", "^/news/"), List.of("/drafts/"), false, false);
        assertEquals(expected, scope(settings).judge(url));
    }

    @Test
    void urlsLongerThan2048CharactersAreTraps() {
        String prefix = "http://example.com/";
        assertEquals(Verdict.IN_SCOPE, scope(settings()).judge(prefix + "x".repeat(2048 - prefix.length())));
        assertEquals(Verdict.TRAP, scope(settings()).judge(prefix + "x".repeat(2049 - prefix.length())));
    }

    @Test
    void rejectsSettingsTheGatewayWouldHaveRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> scope(new JobSettings("ftp://example.com/", 10, 2, OutputFormat.MARKDOWN, 0, 1, 1000)));
        assertThrows(
                IllegalArgumentException.class, () -> scope(settings(List.of("(unclosed"), List.of(), false, false)));
    }

    private static CrawlScope scope(JobSettings settings) {
        return CrawlScope.of(settings);
    }

    private static JobSettings settings() {
        return settings(List.of(), List.of(), false, false);
    }

    private static JobSettings settings(
            List<String> include, List<String> exclude, boolean subdomains, boolean external) {
        return new JobSettings(
                SEED,
                10,
                2,
                OutputFormat.MARKDOWN,
                0,
                1,
                1000,
                include,
                exclude,
                subdomains,
                external,
                false,
                true,
                0,
                false);
    }
}
