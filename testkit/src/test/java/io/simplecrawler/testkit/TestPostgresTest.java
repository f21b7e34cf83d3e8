package io.simplecrawler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void eachNewDatabaseIsFreshAndUsable() throws Exception {
        String first = TestPostgres.newDatabase();
        String second = TestPostgres.newDatabase();
        assertNotEquals(first, second);
        try (Connection connection =
                        DriverManager.getConnection(first, TestPostgres.username(), TestPostgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id int)");
            statement.execute("INSERT INTO t VALUES (41), (1)");
            try (ResultSet rs = statement.executeQuery("SELECT sum(id), current_database() FROM t")) {
                rs.next();
                assertEquals(42, rs.getInt(1));
                assertTrue(first.contains("/" + rs.getString(2)), first);
            }
        }
        try (Connection connection =
                        DriverManager.getConnection(second, TestPostgres.username(), TestPostgres.password());
                ResultSet rs = connection.getMetaData().getTables(null, "public", "t", null)) {
            assertEquals(false, rs.next(), "a new database has no tables");
        }
    }
}
