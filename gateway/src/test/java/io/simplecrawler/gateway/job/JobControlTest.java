package io.simplecrawler.gateway.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.Topics;
import io.simplecrawler.testkit.TestKafka;
import io.simplecrawler.testkit.TopicReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cancel, delete and downloads on real Postgres, Kafka and Redis, with files in a temporary results folder. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobControlTest implements TestPropertyProvider {
    private static final String SECRET = "TOP-SECRET-CONTENT";

    private final Path resultsDir = GatewayTestProperties.newResultsDir();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.with(resultsDir);
    }

    @Test
    void cancelStopsAnOpenJobOnceAndSendsTheCommandToTheFrontier() {
        String id = submit();

        Map<?, ?> cancelled = http.toBlocking().retrieve(HttpRequest.POST("/jobs/" + id + "/cancel", ""), Map.class);

        assertEquals("cancelled", cancelled.get("status"));
        assertNotNull(cancelled.get("finishedAt"));
        try (TopicReader commands = new TopicReader(TestKafka.bootstrapServers(), Topics.JOBS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> commands.values(Topics.JOBS, JobCommand.class).stream()
                    .anyMatch(command -> command instanceof JobCancelled
                            && id.equals(command.jobId().toString())));
        }
        var again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/jobs/" + id + "/cancel", "")));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        var unknown = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/jobs/" + UUID.randomUUID() + "/cancel", "")));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
    }

    @Test
    void deleteRemovesTheRowAndTheFiles() throws IOException {
        String id = submit();
        Path folder = Files.createDirectories(resultsDir.resolve(id));
        Files.writeString(folder.resolve("pages.jsonl"), "{}\n");

        HttpResponse<?> deleted = http.toBlocking().exchange(HttpRequest.DELETE("/jobs/" + id));

        assertEquals(HttpStatus.NO_CONTENT, deleted.status());
        assertFalse(Files.exists(folder));
        var gone = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange("/jobs/" + id));
        assertEquals(HttpStatus.NOT_FOUND, gone.getStatus());
        var again = assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.DELETE("/jobs/" + id)));
        assertEquals(HttpStatus.NOT_FOUND, again.getStatus());
    }

    @Test
    void aJobsFilesAreListedAndDownloadable() throws IOException {
        String id = submit();
        Path folder = Files.createDirectories(resultsDir.resolve(id));
        Files.writeString(folder.resolve("pages.jsonl"), "{\"url\":\"http://example.test/\"}\n");
        Files.writeString(folder.resolve(".results.md.tmp"), "half written");

        Map<?, ?> job = http.toBlocking().retrieve("/jobs/" + id, Map.class);
        List<?> files = (List<?>) job.get("files");
        assertEquals(
                List.of(Map.of("name", "pages.jsonl", "size", 31, "url", "/download/" + id + "/pages.jsonl")), files);

        HttpResponse<String> download = http.toBlocking().exchange("/download/" + id + "/pages.jsonl", String.class);
        assertEquals("{\"url\":\"http://example.test/\"}\n", download.body());
        assertEquals(
                "application/x-ndjson", download.getContentType().orElseThrow().toString());
        assertTrue(download.header("Content-Disposition").contains("attachment"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "..",
                "%2e%2e",
                "..%2F..%2Fetc%2Fpasswd",
                "%2Fetc%2Fpasswd",
                "..%5C..%5Csecret",
                ".results.md.tmp",
                "secret.txt",
                "%00",
                "pages.jsonl%2F..%2F..%2Fsecret.txt"
            })
    void namesOutsideTheJobsFolderAreRefused(String name) throws IOException {
        String id = submit();
        Files.createDirectories(resultsDir.resolve(id));
        Files.writeString(resultsDir.resolve("secret.txt"), SECRET);
        Files.writeString(resultsDir.resolve(id).resolve(".results.md.tmp"), SECRET);

        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange("/download/" + id + "/" + name, String.class));

        assertTrue(
                e.getStatus() == HttpStatus.NOT_FOUND || e.getStatus() == HttpStatus.BAD_REQUEST,
                e.getStatus().toString());
        assertFalse(e.getResponse().getBody(String.class).orElse("").contains(SECRET), "never the file's content");
    }

    private String submit() {
        return (String) http.toBlocking()
                .retrieve(HttpRequest.POST("/crawl", Map.of("url", "http://example.test/")), Map.class)
                .get("id");
    }
}
