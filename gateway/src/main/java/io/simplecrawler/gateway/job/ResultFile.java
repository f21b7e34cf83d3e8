package io.simplecrawler.gateway.job;

import io.micronaut.serde.annotation.Serdeable;

/** A file of a job's results folder, and where to download it. */
@Serdeable
public record ResultFile(String name, long size, String url) {}
