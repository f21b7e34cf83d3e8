package io.simplecrawler.gateway.firecrawl;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.PageRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Starts Firecrawl crawls and writes their journals as the exporter would, for the gateway's tests. */
final class FirecrawlTestJobs {
    private FirecrawlTestJobs() {}

    /** POSTs {@code body} to {@code path} and answers the new job's id. */
    static UUID start(HttpClient http, String path, String body) {
        Map<?, ?> started =
                http.toBlocking().retrieve(HttpRequest.POST(path, body).contentType("application/json"), Map.class);
        return UUID.fromString((String) started.get("id"));
    }

    /** Writes the job's {@code pages.jsonl} with {@code pages}, one line each. */
    static void journal(Path resultsDir, UUID id, PageRecord... pages) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (PageRecord page : pages) {
            lines.writeBytes(EventJson.write(page));
            lines.write('\n');
        }
        Path folder = Files.createDirectories(resultsDir.resolve(id.toString()));
        Files.write(folder.resolve("pages.jsonl"), lines.toByteArray());
    }
}
