package io.simplecrawler.gateway.job;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobRepository extends CrudRepository<Job, UUID> {

    @Query("UPDATE jobs SET published_at = :at WHERE id = :id AND published_at IS NULL")
    void markPublished(UUID id, Instant at);

    /** Jobs stored before {@code before} whose JobSubmitted record was never acknowledged. */
    @Query("SELECT * FROM jobs WHERE published_at IS NULL AND created_at < :before ORDER BY created_at LIMIT 100")
    List<Job> findUnpublished(Instant before);
}
