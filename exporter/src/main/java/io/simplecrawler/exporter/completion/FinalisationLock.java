package io.simplecrawler.exporter.completion;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One finaliser per job across exporters while the files are prepared, without a transaction:
 * a Postgres session-level advisory lock, which a dead exporter's session gives up with its
 * connection. Two jobs whose ids hash alike only wait for each other's next sweep.
 */
final class FinalisationLock {
    /** The first key of the lock: the exporter's finalisations, apart from any other advisory lock. */
    private static final int FINALISATION = 0x5C_F1_4A_11;

    private FinalisationLock() {}

    /** @return whether this session now holds the job's lock; false if another session does */
    static boolean tryLock(Connection connection, UUID jobId) {
        return call(connection, "SELECT pg_try_advisory_lock(?, hashtext(?))", jobId);
    }

    static void unlock(Connection connection, UUID jobId) {
        call(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", jobId);
    }

    private static boolean call(Connection connection, String sql, UUID jobId) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, FINALISATION);
            statement.setString(2, jobId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot take or give up the finalisation lock of job " + jobId, e);
        }
    }
}
