package io.simplecrawler.exporter.results;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/** @param resultsDir the folder that holds one sub-folder of result files per job (RESULTS_DIR) */
@ConfigurationProperties("exporter")
public record ResultsConfiguration(@NotBlank String resultsDir) {}
