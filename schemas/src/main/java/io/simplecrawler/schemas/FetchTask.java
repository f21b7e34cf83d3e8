package io.simplecrawler.schemas;

import java.util.UUID;

/** One admitted URL to fetch; {@code attempt} starts at 1. */
public record FetchTask(UUID jobId, String url, int depth, int attempt) {}
