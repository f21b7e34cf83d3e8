package io.simplecrawler.faults;

import io.simplecrawler.schemas.MalformedEventException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The consumers' one rule for a record whose processing failed: an infrastructure fault (a store
 * or the broker unreachable, slow or busy) is retried with backoff, since the record is fine and
 * will go through once the store is back; anything else (a {@link MalformedEventException}, a bug
 * on an odd record) is the record's own and goes to the dead-letter topic, since retrying it would
 * fail forever and hold its partition.
 */
public final class InfrastructureFaults {
    /**
     * Lettuce's exceptions, by name because this module does not depend on Lettuce. The base
     * {@code RedisException} itself is what Lettuce throws when the connection is closed or not
     * connected; its subclass for a command the server refused is the record's fault unless the
     * server said it is loading, busy, out of memory or read-only ({@link #REDIS_BUSY_REPLIES}).
     */
    private static final Set<String> REDIS_FAULTS = Set.of(
            "io.lettuce.core.RedisException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "io.lettuce.core.RedisCommandInterruptedException",
            "io.lettuce.core.RedisLoadingException",
            "io.lettuce.core.RedisBusyException");

    private static final String REDIS_REFUSED = "io.lettuce.core.RedisCommandExecutionException";
    private static final Set<String> REDIS_BUSY_REPLIES =
            Set.of("LOADING", "BUSY", "OOM", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS");

    private InfrastructureFaults() {}

    /** True when {@code error} or one of its causes is an infrastructure fault, see above. */
    public static boolean isInfrastructure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof RetriableException
                    || cause instanceof TimeoutException
                    || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException
                    || isRedisFault(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRedisFault(Throwable error) {
        String name = error.getClass().getName();
        if (name.equals(REDIS_REFUSED)) {
            String reply = String.valueOf(error.getMessage());
            return REDIS_BUSY_REPLIES.contains(reply.split(" ", 2)[0]);
        }
        return REDIS_FAULTS.contains(name);
    }
}
