package io.simplecrawler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://127.0.0.1:5432/simplecrawler, jdbc:postgresql://127.0.0.1:5432/other",
        "jdbc:postgresql://localhost:5432/postgres?user=postgres&ssl=false, jdbc:postgresql://localhost:5432/other?user=postgres&ssl=false",
        "jdbc:postgresql://db, jdbc:postgresql://db/other",
    })
    void replacesTheDatabaseKeepingParameters(String url, String expected) {
        assertEquals(expected, JdbcUrls.withDatabase(url, "other"));
    }

    @Test
    void rejectsOtherUrls() {
        assertThrows(IllegalArgumentException.class, () -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "other"));
    }
}
