package io.simplecrawler.gateway.job;

import io.micronaut.serde.annotation.SerdeImport;
import io.simplecrawler.crawlstate.TasksHeld;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;

/** Lets the API show the shared contract records it returns (the job's settings, what fetchers hold) as they are. */
@SerdeImport(JobSettings.class)
@SerdeImport(ContentOptions.class)
@SerdeImport(OutputFormat.class)
@SerdeImport(TasksHeld.class)
final class ContractTypesSerde {
    private ContractTypesSerde() {}
}
