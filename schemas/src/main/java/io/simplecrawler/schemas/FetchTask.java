package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** One admitted URL to fetch; {@code attempt} starts at 1. */
public record FetchTask(@JsonProperty(required = true) UUID jobId, @JsonProperty(required = true) String url, @JsonProperty(required = true) int depth, @JsonProperty(required = true) int attempt) {}
