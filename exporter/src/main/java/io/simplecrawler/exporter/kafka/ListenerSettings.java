package io.simplecrawler.exporter.kafka;

/**
 * Settings shared by the exporter's batch listeners. Offsets are committed synchronously after
 * a batch returns. A batch that throws is sought back and offered again after
 * {@link #RETRY_DELAY}, for as long as it fails, because skipping it would lose pages; what
 * can throw is only the infrastructure (Postgres, the broker), whose attempts
 * {@link BatchBackoff} spaces out. Bad records are dead-lettered ({@link ParsedBatch},
 * {@link PoisonRecords}) and a job whose files cannot be written fails alone, so neither throws.
 * Micronaut's handler is not called on retries: {@link BatchBackoff} logs each failed attempt.
 */
public final class ListenerSettings {
    public static final String GROUP_ID = "exporter";
    public static final String RETRY_DELAY = "1s";
    public static final int RETRY_FOREVER = Integer.MAX_VALUE;

    private ListenerSettings() {}
}
