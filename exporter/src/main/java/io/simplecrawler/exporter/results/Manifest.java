package io.simplecrawler.exporter.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.simplecrawler.schemas.EventJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code manifest.json}: the job and its result files, each with its size and SHA-256, so a
 * download can be checked. Written last: its presence says the other files are final.
 */
final class Manifest {
    static final String FILE_NAME = "manifest.json";

    private Manifest() {}

    static void write(Path folder, JobSummary job, List<FileDigest> files) throws IOException {
        AtomicFile.write(folder.resolve(FILE_NAME), out -> {
            try (JsonGenerator json = EventJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                JobJson.write(json, job);
                json.writeArrayFieldStart("files");
                for (FileDigest file : files) {
                    json.writeStartObject();
                    json.writeStringField("name", file.name());
                    json.writeNumberField("bytes", file.bytes());
                    json.writeStringField("sha256", file.sha256());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }
}
