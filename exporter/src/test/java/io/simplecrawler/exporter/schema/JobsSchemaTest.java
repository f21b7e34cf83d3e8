package io.simplecrawler.exporter.schema;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.testkit.TestPostgres;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JobsSchemaTest {
    private final DataSource database = dataSource(TestPostgres.newDatabase());

    @Test
    void waitsUntilTheGatewayHasMigratedTheSchema() {
        CompletableFuture<JobsSchema> exporter = CompletableFuture.supplyAsync(() ->
                new JobsSchema(database, null, new SchemaConfiguration(Duration.ofMinutes(1), Duration.ofMillis(100))));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !exporter.isDone());

        Flyway.configure()
                .dataSource(database)
                .locations(JobsSchema.MIGRATIONS)
                .load()
                .migrate();

        await().atMost(Duration.ofSeconds(30)).until(exporter::isDone);
        assertFalse(exporter.isCompletedExceptionally());
    }

    @Test
    void refusesToStartWhenTheSchemaDoesNotCome() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> new JobsSchema(
                        database, null, new SchemaConfiguration(Duration.ofMillis(300), Duration.ofMillis(50))));
        assertTrue(refused.getMessage().contains("start the gateway"), refused.getMessage());
    }

    private static DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestPostgres.username());
        dataSource.setPassword(TestPostgres.password());
        return dataSource;
    }
}
