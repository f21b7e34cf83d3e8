package io.simplecrawler.gateway.job;

import io.micronaut.serde.annotation.SerdeImport;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;

/** Lets the API show the shared settings record as it is. */
@SerdeImport(JobSettings.class)
@SerdeImport(OutputFormat.class)
final class JobSettingsSerde {
    private JobSettingsSerde() {}
}
