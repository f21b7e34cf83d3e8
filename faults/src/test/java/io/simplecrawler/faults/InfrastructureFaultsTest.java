package io.simplecrawler.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplecrawler.schemas.MalformedEventException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures are retried (the store's) and which are dead-lettered (the record's). Lettuce's are tested with a real Redis in the frontier. */
class InfrastructureFaultsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new TimeoutException("produce timed out"), true),
                Arguments.of(new CompletionException(new ConnectException("refused")), true),
                Arguments.of(
                        new IllegalStateException("wrapped", new SQLTransientConnectionException("pool empty")), true),
                Arguments.of(new java.util.concurrent.TimeoutException(), true),
                Arguments.of(new RecordTooLargeException("too large"), false),
                Arguments.of(new MalformedEventException("not a valid FetchTask"), false),
                Arguments.of(
                        new CompletionException(new MalformedEventException("bad", new TimeoutException("x"))), false),
                Arguments.of(new NullPointerException(), false),
                Arguments.of(new IllegalArgumentException("Illegal character in path"), false),
                Arguments.of(new ArithmeticException("integer overflow"), false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failures")
    void tellsTheStoresFaultsFromTheRecords(Throwable failure, boolean infrastructure) {
        assertEquals(infrastructure, InfrastructureFaults.isInfrastructure(failure));
    }
}
