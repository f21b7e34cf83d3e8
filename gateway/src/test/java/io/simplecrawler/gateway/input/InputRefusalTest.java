package io.simplecrawler.gateway.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.simplecrawler.gateway.GatewayTestProperties;
import io.simplecrawler.gateway.job.JobRepository;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Control characters, unpaired surrogates and unknown fields are refused with a 400 problem naming the field. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputRefusalTest implements TestPropertyProvider {
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    JobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(GatewayTestProperties.newResultsDir());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2:18468/\\u0000\\ud7ff",
                "http://example.test/\\u0000",
                "\\u0000http://example.test/",
                "http://example.test/\\u001f",
                "http://example.test/\\u007f",
                "http://example.test/\\u0085",
                "http://example.test/\\ud800"
            })
    void aUrlWithAControlCharacterOrUnpairedSurrogateIsRefusedNamingTheField(String url) throws Exception {
        long before = jobs.count();

        Map<String, Object> problem = refused(post("{\"url\": \"" + url + "\"}"));

        assertEquals(List.of("url"), fields(problem));
        assertEquals(before, jobs.count(), "no job was stored");
    }

    @Test
    void controlCharactersAreRefusedInEveryStringFieldNestedAndInLists() throws Exception {
        Map<String, Object> problem = refused(
                post(
                        """
                {"url": "http://example.test/", "format": "markdown\\t", "includePaths": ["/ok", "/a\\u0001"],
                 "webhook": {"url": "http://example.test/hook", "secret": "s\\u0000", "events": ["page\\n"]}}"""));

        assertEquals(List.of("format", "includePaths[1]", "webhook.events[0]", "webhook.secret"), fields(problem));
    }

    @Test
    void unknownFieldsAreRefusedNamingEachOneNestedToo() throws Exception {
        Map<String, Object> problem = refused(
                post(
                        """
                {"url": "http://example.test/", "maxpages": 5, "priority": "high",
                 "webhook": {"url": "http://example.test/hook", "secrett": "x"}}"""));

        assertEquals(List.of("maxpages", "priority", "webhook.secrett"), fields(problem));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        assertEquals(400, post("[1, 2]").statusCode());
        assertEquals(400, post("\"http://example.test/\"").statusCode());
    }

    @Test
    void controlCharactersInQueryParametersAndPathsAreRefused() throws Exception {
        assertEquals(List.of("status"), fields(refused(get("/jobs?status=running%01"))));
        assertEquals(List.of("path"), fields(refused(get("/download/" + UUID.randomUUID() + "/a%00b.md"))));
        assertEquals(List.of("path"), fields(refused(get("/jobs/%C2%85/results"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idempotency-Key", "X-API-Key", "Authorization"})
    void controlCharactersInTheHeadersTheApiReadsAreRefused(String header) throws Exception {
        String response = rawRequest("POST /crawl HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + header + ": a\u0085b\r\nContent-Length: 31\r\nConnection: close\r\n\r\n"
                + "{\"url\": \"http://example.test/\"}");

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"field\":\"" + header + "\""), response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jobs?status=%zz", "/jobs?%=1", "/download/a%zz/b", "/jobs/%ff%fe/events"})
    void malformedPercentEncodingIsABadRequestProblem(String target) throws Exception {
        String response = rawRequest("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("application/problem+json"), response);
    }

    @Test
    void aC0ControlCharacterInAHeaderIsRefusedByTheHttpLayerAsAProblem() throws Exception {
        String response = rawRequest("POST /crawl HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: a\u0001b\r\nContent-Length: 31\r\nConnection: close\r\n\r\n"
                + "{\"url\": \"http://example.test/\"}");

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("application/problem+json"), response);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/crawl"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> refused(HttpResponse<String> response) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        return json.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(e -> (String) e.get("field")).sorted().toList();
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
