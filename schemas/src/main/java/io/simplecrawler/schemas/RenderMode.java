package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a job's pages are rendered in a browser before they are parsed. */
public enum RenderMode {
    /** Plain HTTP fetches only: a page built by JavaScript comes back as its shell. */
    NEVER,
    /** Every page is rendered (the frontier sends its tasks to crawl.render). */
    ALWAYS,
    /** A page is rendered when its plain HTML looks like an application shell (the fetcher decides). */
    AUTO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RenderMode fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown render mode: " + name));
    }

    public static Optional<RenderMode> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
    }
}
