package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The format of a job's primary result file. */
public enum OutputFormat {
    MARKDOWN("results.md"),
    JSON("results.json"),
    READABLE("results.md"),
    SUMMARY("results.md");

    private final String fileName;

    OutputFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The name of the primary result file in the job's folder. */
    public String fileName() {
        return fileName;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OutputFormat fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown format: " + name));
    }

    public static Optional<OutputFormat> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
