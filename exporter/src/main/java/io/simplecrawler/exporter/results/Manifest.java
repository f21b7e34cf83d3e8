package io.simplecrawler.exporter.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.simplecrawler.schemas.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code manifest.json}: the job and its result files, each with its size and SHA-256, so a
 * download can be checked. Written last: its presence says the other files are final.
 */
final class Manifest {
    static final String FILE_NAME = "manifest.json";

    private Manifest() {}

    static void write(Path folder, JobSummary job, List<String> fileNames) throws IOException {
        AtomicFile.write(folder.resolve(FILE_NAME), out -> {
            try (JsonGenerator json = EventJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                JobJson.write(json, job);
                json.writeArrayFieldStart("files");
                for (String name : fileNames) {
                    Path file = folder.resolve(name);
                    json.writeStartObject();
                    json.writeStringField("name", name);
                    json.writeNumberField("bytes", Files.size(file));
                    json.writeStringField("sha256", sha256(file));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
