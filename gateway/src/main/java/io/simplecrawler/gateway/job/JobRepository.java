package io.simplecrawler.gateway.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.simplecrawler.schemas.JobStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobRepository extends CrudRepository<Job, UUID> {

    Optional<Job> findByIdempotencyKey(String idempotencyKey);

    @Query("UPDATE jobs SET published_at = :at WHERE id = :id AND published_at IS NULL")
    void markPublished(UUID id, Instant at);

    /** Pending jobs stored before {@code before} whose JobSubmitted record was never acknowledged. */
    default List<Job> findUnpublished(Instant before) {
        return findUnpublished(JobStatus.PENDING, before);
    }

    @Query(
            """
            SELECT * FROM jobs WHERE published_at IS NULL AND status = :status AND created_at < :before
            ORDER BY created_at LIMIT 100""")
    List<Job> findUnpublished(JobStatus status, Instant before);

    @Query("UPDATE jobs SET cancel_published_at = :at WHERE id = :id")
    void markCancelPublished(UUID id, Instant at);

    /**
     * Jobs cancelled before {@code before} whose submission went out but whose JobCancelled record
     * was never acknowledged (a job cancelled before it was published needs no command).
     */
    default List<Job> findUnpublishedCancels(Instant before) {
        return findUnpublishedCancels(JobStatus.CANCELLED, before);
    }

    @Query(
            """
            SELECT * FROM jobs WHERE status = :status AND cancel_published_at IS NULL AND published_at IS NOT NULL
              AND finished_at < :before ORDER BY finished_at LIMIT 100""")
    List<Job> findUnpublishedCancels(JobStatus status, Instant before);

    /** A page of jobs, newest first, of one status or of all, of one owner or of all. */
    @Query(
            """
            SELECT * FROM jobs WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
              AND (CAST(:owner AS VARCHAR) IS NULL OR owner = :owner)
            ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
    List<Job> list(@Nullable JobStatus status, @Nullable String owner, int limit, long offset);

    @Query(
            """
            SELECT count(*) FROM jobs WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
              AND (CAST(:owner AS VARCHAR) IS NULL OR owner = :owner)""")
    long countWithStatus(@Nullable JobStatus status, @Nullable String owner);

    /** The owner's pending and running jobs. */
    default long countOpen(String owner) {
        return countWithStatusIn(owner, wireNames(JobStatus.open()));
    }

    @Query("SELECT count(*) FROM jobs WHERE owner = :owner AND status IN (:statuses)")
    long countWithStatusIn(String owner, Collection<String> statuses);

    /**
     * Moves a pending or running job to cancelled.
     *
     * @return 1 if it was cancelled, 0 if it had already finished (or does not exist)
     */
    default int cancel(UUID id, Instant at) {
        return finish(id, JobStatus.CANCELLED, wireNames(JobStatus.CANCELLED.predecessors()), at);
    }

    /**
     * Moves the job to {@code status} if it is in one of {@code from} (wire names); returns the rows
     * changed. A parameter named like the entity's {@code status} binds through {@link JobStatusColumn}.
     */
    @Query("UPDATE jobs SET status = :status, finished_at = :at WHERE id = :id AND status IN (:from)")
    int finish(UUID id, JobStatus status, Collection<String> from, Instant at);

    private static List<String> wireNames(Collection<JobStatus> statuses) {
        return statuses.stream().map(JobStatus::wireName).toList();
    }
}
