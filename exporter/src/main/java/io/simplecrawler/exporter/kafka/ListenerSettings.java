package io.simplecrawler.exporter.kafka;

/**
 * Settings shared by the exporter's batch listeners. Offsets are committed synchronously after
 * a batch returns; a batch that throws is sought back and retried after {@link #RETRY_DELAY}
 * for as long as it fails, because skipping it would lose pages (bad records never throw:
 * they are dead-lettered).
 */
public final class ListenerSettings {
    public static final String GROUP_ID = "exporter";
    public static final String RETRY_DELAY = "2s";
    public static final int RETRY_FOREVER = Integer.MAX_VALUE;

    private ListenerSettings() {}
}
