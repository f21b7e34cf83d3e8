package io.simplecrawler.exporter.schema;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the exporter's start-up, before its listeners and the watchdog touch a table, until the
 * {@code jobs} schema has every migration on the classpath (schemas' {@code db/migration}) that
 * the gateway, its owner, applies; then checks that the applied ones are the same files. The
 * exporter never migrates: one owner, and no second service that could half-apply a migration.
 * It refuses to start when the wait runs out (the gateway did not come) or the schema differs.
 */
@Context
public class JobsSchema {
    private static final Logger LOG = LoggerFactory.getLogger(JobsSchema.class);
    static final String MIGRATIONS = "classpath:db/migration";

    public JobsSchema(DataSource dataSource, @Nullable DataSourceResolver resolver, SchemaConfiguration configuration) {
        DataSource target = resolver == null ? dataSource : resolver.resolve(dataSource);
        Flyway flyway =
                Flyway.configure().dataSource(target).locations(MIGRATIONS).load();
        awaitMigrated(flyway, configuration);
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            throw new IllegalStateException(
                    "the jobs schema does not match this exporter's migrations: " + validation.getAllErrorMessages());
        }
    }

    private static void awaitMigrated(Flyway flyway, SchemaConfiguration configuration) {
        Instant deadline = Instant.now().plus(configuration.timeout());
        Optional<String> missing = missing(flyway);
        if (missing.isPresent()) {
            LOG.info(
                    "Waiting up to {} for the gateway to migrate the jobs schema: it lacks {}",
                    configuration.timeout(),
                    missing.get());
        }
        while (missing.isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the jobs schema still lacks " + missing.get() + " after "
                        + configuration.timeout() + ": start the gateway, which applies the migrations");
            }
            sleep(configuration.pollInterval());
            missing = missing(flyway);
        }
    }

    /** What the schema lacks yet (migrations, or Postgres itself), or empty when it has every migration on the classpath. */
    private static Optional<String> missing(Flyway flyway) {
        try {
            MigrationInfo[] pending = flyway.info().pending();
            return pending.length == 0
                    ? Optional.empty()
                    : Optional.of("migrations "
                            + Arrays.stream(pending)
                                    .map(m -> String.valueOf(m.getVersion()))
                                    .collect(Collectors.joining(", ")));
        } catch (FlywayException e) {
            return Optional.of("an answer from Postgres (" + e.getMessage() + ")");
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the jobs schema", e);
        }
    }
}
