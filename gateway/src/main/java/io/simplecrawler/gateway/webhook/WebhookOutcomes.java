package io.simplecrawler.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebhookOutcomes extends GenericRepository<WebhookOutcome, UUID> {

    Optional<WebhookOutcome> findById(UUID jobId);

    /** Adds {@code delivered} and {@code failed} to the job's counts; {@code lastError}, if not null, replaces the last one. */
    @Query(
            """
            INSERT INTO webhook_outcomes (job_id, delivered, failed, last_error) VALUES (:jobId, :delivered, :failed, :lastError)
            ON CONFLICT (job_id) DO UPDATE SET delivered = webhook_outcomes.delivered + EXCLUDED.delivered,
              failed = webhook_outcomes.failed + EXCLUDED.failed,
              last_error = coalesce(EXCLUDED.last_error, webhook_outcomes.last_error)""")
    void add(UUID jobId, int delivered, int failed, @Nullable String lastError);
}
