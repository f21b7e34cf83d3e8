package io.simplecrawler.politeness;

/**
 * Permission to start one request to a host. The holder calls {@link #started()} as soon as
 * the request went out, and {@link #release()} when it ended or if it made no request after
 * all. Until one of them, no other request to the host may start.
 */
public interface HostSlot {
    /** The request went out now: the host's delay counts from here. */
    void started();

    /** The request ended, or none was made; its place in the host's concurrency is free again. */
    void release();
}
