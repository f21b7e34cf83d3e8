package io.simplecrawler.schemas;

/** A record that is not a valid event: it belongs in a dead-letter topic, not in a retry loop. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
