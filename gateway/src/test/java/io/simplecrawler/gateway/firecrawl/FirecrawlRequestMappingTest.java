package io.simplecrawler.gateway.firecrawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.gateway.job.JobRepository;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each Firecrawl crawl field as the native job stores it, and the fields refused, on real Postgres, Kafka and Redis. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirecrawlRequestMappingTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JobRepository jobs;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(GatewayTestProperties.newResultsDir());
    }

    @ParameterizedTest(name = "{0} {1} -> {2} = {3}")
    @CsvSource(
            delimiter = '#',
            textBlock =
                    """
            v2 # {"url": "http://example.test/"}                                    # maxPages           # 1000
            v2 # {"url": "http://example.test/", "limit": 150}                      # maxPages           # 150
            v2 # {"url": "http://example.test/"}                                    # maxDepth           # 10
            v2 # {"url": "http://example.test/", "maxDiscoveryDepth": 3}            # maxDepth           # 3
            v2 # {"url": "http://example.test/"}                                    # format             # readable
            v2 # {"url": "http://example.test/", "scrapeOptions": {"onlyMainContent": false}} # format # markdown
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["markdown", "links"], "onlyMainContent": false}} # format # markdown
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["summary"]}} # format     # summary
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": [{"type": "summary"}]}} # format # summary
            v2 # {"url": "http://example.test/", "scrapeOptions": {"timeout": 5000}} # timeoutMs          # 5000
            v2 # {"url": "http://example.test/", "delay": 1.5}                       # delayMs            # 1500
            v2 # {"url": "http://example.test/", "maxConcurrency": 2}                # concurrency        # 2
            v2 # {"url": "http://example.test/"}                                    # useSitemap         # true
            v2 # {"url": "http://example.test/", "sitemap": "skip"}                 # useSitemap         # false
            v2 # {"url": "http://example.test/", "sitemap": "include"}              # useSitemap         # true
            v2 # {"url": "http://example.test/"}                                    # respectRobots      # true
            v2 # {"url": "http://example.test/", "ignoreRobotsTxt": true}           # respectRobots      # false
            v2 # {"url": "http://example.test/", "allowSubdomains": true}           # allowSubdomains    # true
            v2 # {"url": "http://example.test/", "allowExternalLinks": true}        # allowExternalLinks # true
            v2 # {"url": "http://example.test/", "excludePaths": ["^/private/"]}    # excludePaths       # [^/private/]
            v2 # {"url": "http://example.test/", "includePaths": ["^/blog/"]}       # includePaths       # [^/blog/]
            v2 # {"url": "http://example.test/"}                                    # includePaths       # []
            v2 # {"url": "http://example.test/docs/"}                               # includePaths       # [^(?=\\Q/docs/\\E)]
            v2 # {"url": "http://example.test/docs/", "includePaths": ["a", "b"]}   # includePaths       # [^(?=\\Q/docs/\\E).*?(?:a|b)]
            v2 # {"url": "http://example.test/docs/", "crawlEntireDomain": true}    # includePaths       # []
            v2 # {"url": "http://example.test/", "origin": "js-sdk@4.42.0", "integration": "x"} # url  # http://example.test/
            v1 # {"url": "http://example.test/", "limit": 7}                        # maxPages           # 7
            v1 # {"url": "http://example.test/", "maxDiscoveryDepth": 2}            # maxDepth           # 2
            v1 # {"url": "http://example.test/", "maxDepth": 2}                     # includePaths       # [^(?=(?:/[^/]+){0,2}/?$)]
            v1 # {"url": "http://example.test/a/", "maxDepth": 1, "allowBackwardLinks": true} # includePaths # [^(?=(?:/[^/]+){0,2}/?$)]
            v1 # {"url": "http://example.test/a/", "crawlEntireDomain": true}       # includePaths       # []
            v1 # {"url": "http://example.test/"}                                    # useSitemap         # true
            v1 # {"url": "http://example.test/", "ignoreSitemap": true}             # useSitemap         # false
            v1 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["markdown"], "onlyMainContent": false}} # format # markdown
            v1 # {"url": "http://example.test/", "delay": 2, "maxConcurrency": 3}   # delayMs            # 2000
            v2 # {"url": "http://example.test/"}                                    # content            # {formats=[markdown], includeTags=[], excludeTags=[]}
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["rawHtml", {"type": "html"}, "links"], "includeTags": ["main", ".content > p"], "excludeTags": [".ad"]}} # content # {formats=[rawHtml, html, links], includeTags=[main, .content > p], excludeTags=[.ad]}
            v1 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["markdown", "html"]}} # content # {formats=[markdown, html], includeTags=[], excludeTags=[]}
            v2 # {"url": "http://example.test/"}                                    # render             # never
            v2 # {"url": "http://example.test/", "scrapeOptions": {"waitFor": 1500}} # render            # always
            v2 # {"url": "http://example.test/", "scrapeOptions": {"waitFor": 1500}} # waitFor           # 1500
            v2 # {"url": "http://example.test/", "scrapeOptions": {"waitFor": 0}}   # render             # never
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": [{"type": "screenshot", "fullPage": true}]}} # render # always
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["screenshot"]}} # screenshot # true
            v2 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["screenshot"]}} # content # {formats=[markdown], includeTags=[], excludeTags=[]}
            v1 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["links", "screenshot@fullPage"]}} # screenshot # true
            v1 # {"url": "http://example.test/", "scrapeOptions": {"formats": ["links", "screenshot@fullPage"]}} # content # {formats=[links], includeTags=[], excludeTags=[]}
            """)
    void aFieldIsStoredInTheNativeJobAs(String version, String body, String setting, String expected)
            throws IOException {
        Map<String, Object> settings = storedSettings(version, body);

        assertEquals(expected, String.valueOf(settings.get(setting)));
    }

    @Test
    void theStartAnswerHasTheIdAndTheStatusUrl() {
        Map<?, ?> started = http.toBlocking()
                .retrieve(HttpRequest.POST("/v2/crawl", Map.of("url", "http://example.test/")), Map.class);

        assertEquals(true, started.get("success"));
        String id = (String) started.get("id");
        assertTrue(((String) started.get("url")).matches("http://localhost:\\d+/v2/crawl/" + id), started.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {"url": "http://example.test/", "scrapeOptions": {"actions": [{"type": "click", "selector": "a"}], "location": {"country": "DE"}}} | scrapeOptions.actions is not supported by this crawler; scrapeOptions.location is not supported by this crawler
            {"url": "http://example.test/", "scrapeOptions": {"formats": [{"type": "json", "prompt": "x"}, "html", "screenshot", "images"]}} | scrapeOptions.formats: json is not supported by this crawler; scrapeOptions.formats: images is not supported by this crawler
            {"url": "http://example.test/", "scrapeOptions": {"includeTags": ["main", "div[class"], "excludeTags": [""]}} | scrapeOptions.includeTags must be CSS selectors: div[class is not one (Did not find balanced marker at 'class'); scrapeOptions.excludeTags must be CSS selectors of 1 to 500 characters
            {"url": "http://example.test/", "scrapeOptions": {"proxy": "stealth", "waitFor": 1000}} | scrapeOptions.proxy is not supported by this crawler
            {"url": "http://example.test/", "scrapeOptions": {"waitFor": 30001}} | scrapeOptions.waitFor must be milliseconds from 0 to 30000
            {"url": "http://example.test/", "scrapeOptions": {"waitFor": "#app"}} | scrapeOptions.waitFor must be milliseconds from 0 to 30000
            {"url": "http://example.test/", "prompt": "only the blog"}           | prompt is not supported by this crawler
            {"url": "http://example.test/", "webhook": {"url": "http://example.test/hook", "secret": "x", "events": ["cancelled"]}} | webhook.secret is not a field of a webhook (url, headers, metadata, events); webhook.events must be a list of started, page, completed, failed
            {"url": "http://example.test/", "webhook": {"url": "http://example.test/hook", "headers": {"Host": "a", "X-Ok": "b"}, "metadata": {"n": 1}}} | webhook.headers.Host cannot be set by a webhook; webhook.metadata must be an object of at most 50 strings of at most 2048 characters
            {"url": "http://example.test/", "webhook": "http://169.254.169.254/hook"} | webhook.url is denied by the network policy (SSRF guard): address 169.254.169.254 is in the link-local network (cloud metadata) 169.254.0.0/16 (allow it with SIMPLECRAWLER_ALLOWED_NETWORKS)
            {"url": "http://example.test/", "webhook": 5}                        | webhook must be a URL or an object {url, headers, metadata, events}; webhook.url must be a string
            {"url": "http://example.test/", "sitemap": "only"}                   | sitemap: only is not supported by this crawler
            {"url": "http://example.test/", "sitemap": "maybe"}                  | sitemap must be one of include, skip, only
            {"url": "http://example.test/", "maxpages": 5}                       | maxpages is not a field of this request
            {"url": "http://169.254.169.254/latest/"}                            | url is denied by the network policy (SSRF guard): address 169.254.169.254 is in the link-local network (cloud metadata) 169.254.0.0/16 (allow it with SIMPLECRAWLER_ALLOWED_NETWORKS)
            {"url": "http://example.test/", "limit": 5000}                       | limit must be less than or equal to 1000
            {"url": "http://example.test/", "maxDiscoveryDepth": 11, "delay": 61} | delay must be less than or equal to 60000; maxDiscoveryDepth must be less than or equal to 10
            {"url": "http://example.test/", "scrapeOptions": {"timeout": 10}}    | scrapeOptions.timeout must be greater than or equal to 1000
            {"url": "ftp://example.test/"}                                        | url must be an absolute http(s) URL; url is denied by the network policy (SSRF guard): scheme ftp is not allowed: only http and https
            """)
    void aRefusedRequestIsA400InFirecrawlsShapeNamingTheFields(String body, String named) {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/v2/crawl", body).contentType(MediaType.APPLICATION_JSON_TYPE), Map.class));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(
                MediaType.APPLICATION_JSON,
                refused.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> answer = refused.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(false, answer.get("success"));
        assertEquals("The request has invalid fields: " + named, answer.get("error"));
    }

    @Test
    void aBodyOfTheWrongTypeIsRefusedInFirecrawlsShape() {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(
                        HttpRequest.POST("/v1/crawl", "{\"url\": \"http://example.test/\", \"limit\": \"many\"}")
                                .contentType(MediaType.APPLICATION_JSON_TYPE),
                        Map.class));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        Map<?, ?> answer = refused.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(false, answer.get("success"));
        assertTrue(((String) answer.get("error")).startsWith("The body is not a Firecrawl request"), answer.toString());
    }

    private Map<String, Object> storedSettings(String version, String body) throws IOException {
        Map<?, ?> started = http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/" + version + "/crawl", body).contentType(MediaType.APPLICATION_JSON_TYPE),
                        Map.class);
        String request = jobs.findById(UUID.fromString((String) started.get("id")))
                .orElseThrow()
                .request();
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = json.readValue(request, Map.class);
        return settings;
    }
}
