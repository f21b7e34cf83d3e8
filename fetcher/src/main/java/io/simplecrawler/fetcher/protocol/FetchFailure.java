package io.simplecrawler.fetcher.protocol;

import io.simplecrawler.netguard.NetworkDeniedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what went wrong with a request into the short {@code error} of its page record. */
public final class FetchFailure {
    private FetchFailure() {}

    public static String describe(Throwable error, long timeoutMs) {
        Throwable cause = unwrap(error);
        if (cause instanceof NetworkDeniedException) {
            return "blocked by the network policy (SSRF guard): " + cause.getMessage();
        }
        if (cause instanceof SocketTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof TimeoutException) {
            return "timed out after " + timeoutMs + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof SSLException) {
            return "TLS failed: " + cause.getMessage();
        }
        if (cause instanceof IOException) {
            return cause.getMessage() == null ? "I/O error" : "I/O error: " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /**
     * Worth another try: connection errors and timeouts. Not an unknown host, a TLS failure, an
     * address the network policy denies or a request that could not even be built, which would
     * fail the same way again.
     */
    static boolean isRetryable(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof UnresolvedAddressException
                || cause instanceof UnknownHostException
                || cause instanceof SSLException
                || cause instanceof NetworkDeniedException) {
            return false;
        }
        return cause instanceof IOException || cause instanceof TimeoutException;
    }

    /** Network trouble and timeouts are a site's problem; anything else is worth a stack trace. */
    public static boolean isExpected(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof IOException
                || cause instanceof TimeoutException
                || cause instanceof UnresolvedAddressException;
    }

    /** Whether the network policy refused the connection (the SSRF guard). */
    public static boolean isDenied(Throwable error) {
        return unwrap(error) instanceof NetworkDeniedException;
    }

    /** Futures wrap the interesting exception in CompletionException and, for a failed connect, in IOException. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException
                && cause.getCause() != null
                && (cause.getCause() instanceof ConnectException
                        || cause.getCause() instanceof UnresolvedAddressException)) {
            return cause.getCause();
        }
        return cause;
    }
}
