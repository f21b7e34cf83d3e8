package io.simplecrawler.gateway.job;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.simplecrawler.schemas.JobStatus;
import jakarta.inject.Singleton;

/** Maps {@code jobs.status} to {@link JobStatus} by its wire name, the text the exporter's SQL writes too. */
@Singleton
public class JobStatusColumn implements AttributeConverter<JobStatus, String> {

    @Override
    public String convertToPersistedValue(JobStatus status, ConversionContext context) {
        return status == null ? null : status.wireName();
    }

    @Override
    public JobStatus convertToEntityValue(String wireName, ConversionContext context) {
        return wireName == null ? null : JobStatus.fromWireName(wireName);
    }
}
