package io.simplecrawler.e2e;

/** What {@link FaultStack#inject} does to the stack, and undoes after the fault's hold time. */
enum Fault {
    /** SIGKILL of the broker; started again after the hold time. */
    BROKER_KILLED,
    /** SIGKILL of the gateway, started again at once. */
    GATEWAY_KILLED,
    /** Postgres stopped (fast shutdown), started again after the hold time. */
    POSTGRES_RESTARTED,
    /** {@code CLIENT PAUSE} for the hold time: every Redis command of the services waits. */
    REDIS_PAUSED,
    /** SIGSTOP of a fetcher for the hold time (longer than its session timeout, so its partitions move), then SIGCONT. */
    FETCHER_FROZEN,
    /**
     * The fetchers stopped, every record of {@code crawl.fetch} deleted (tasks lost as to a broken
     * disk or a bug), the fetchers started again: only the exporter watchdog's re-drive can end the jobs.
     */
    FETCH_TASKS_LOST,
    /**
     * One settled mark of every running crawl removed from Redis (as by a partial loss): the crawl
     * can never count itself finished, so the watchdog re-drives the task, which is fetched again.
     */
    SETTLED_MARK_LOST
}
