package io.simplecrawler.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's files are served, without a key although the API needs one, and every file the
 * page and its modules name (its own under /ui/, the libraries under /webjars/) is there with a
 * type a browser accepts for it (a module script of another type does not run).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardResourcesTest implements TestPropertyProvider {
    private static final Pattern NAMED_FILE = Pattern.compile("['\"(](/(?:ui|webjars)/[^'\"()?#]+)['\")]");
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("from '\\./([^']+)'");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.plus(Map.of("simplecrawler.api-keys", "alice:alice-key"));
    }

    @Test
    void everyFileThePageNamesIsServedWithoutAKeyAndWithItsType() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals("text/html", page.getContentType().orElseThrow().getName());
        Set<String> files = new LinkedHashSet<>();
        List<String> toRead = new java.util.ArrayList<>(List.of("/"));
        while (!toRead.isEmpty()) {
            String path = toRead.remove(0);
            String body = http.toBlocking().retrieve(path);
            for (String named : named(body, path)) {
                if (files.add(named) && (named.startsWith("/ui/") && named.endsWith(".js"))) {
                    toRead.add(named);
                }
            }
        }
        assertTrue(
                files.containsAll(List.of("/ui/app.js", "/ui/job.js", "/ui/lib.js", "/ui/crawl-form.json")),
                files.toString());
        assertTrue(
                files.stream().filter(f -> f.startsWith("/webjars/")).count() >= 4,
                "marked, DOMPurify, uPlot and its CSS: " + files);
        for (String file : files) {
            HttpResponse<String> served = http.toBlocking().exchange(HttpRequest.GET(file), String.class);
            assertEquals(HttpStatus.OK, served.getStatus(), file);
            String type = served.getContentType().orElseThrow().getName();
            String expected = file.endsWith(".css")
                    ? "text/css"
                    : file.endsWith(".json")
                            ? "application/json"
                            : file.endsWith(".svg") ? "image/svg+xml" : "javascript";
            assertTrue(type.contains(expected), file + " is served as " + type);
        }
    }

    @Test
    void theApiStillNeedsAKeyAndAMissingFileIs404() {
        HttpClientResponseException refused = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve("/jobs"));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        HttpClientResponseException missing = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve("/ui/nope.js"));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    @Test
    void thePageHasNoInlineScriptOrStyle() {
        String page = http.toBlocking().retrieve("/");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find(), "every script has a src");
        assertFalse(page.contains("<style") || page.contains("style="), "no inline style");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(page).find(), "no inline handlers");
    }

    /** Absolute /ui/ and /webjars/ paths in a file, and its relative module imports resolved against it. */
    private static Set<String> named(String body, String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher absolute = NAMED_FILE.matcher(body);
        while (absolute.find()) {
            names.add(absolute.group(1));
        }
        Matcher relative = RELATIVE_IMPORT.matcher(body);
        while (relative.find()) {
            names.add(path.substring(0, path.lastIndexOf('/') + 1) + relative.group(1));
        }
        return names;
    }
}
