package io.simplecrawler.schemas;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every topic of the pipeline, with its key and value; see ARCHITECTURE.md. */
public final class Topics {
    /** Key: jobId. Value: {@link JobCommand} ({@link JobSubmitted} or {@link JobCancelled}). */
    public static final String JOBS = "crawl.jobs";
    /** Key: host. Value: {@link FetchTask}. Keyed by host so one fetcher owns a host's politeness. */
    public static final String FETCH = "crawl.fetch";
    /**
     * Key: host. Value: {@link RenderTask}: the pages to render in a browser, fed to the renderers
     * apart from crawl.fetch so that a slow render never holds up a plain fetch.
     */
    public static final String RENDER = "crawl.render";
    /** Key: jobId. Value: {@link LinksDiscovered}, exactly one per settled fetch task. */
    public static final String LINKS = "crawl.links";
    /** Key: jobId. Value: {@link PageRecord}, and after a job's last one its {@link PagesEnded} marker. */
    public static final String PAGES = "crawl.pages";
    /** Key: jobId. Value: {@link CrawlFact}, written by the frontier for the exporter only. */
    public static final String FRONTIER = "crawl.frontier";
    /** Key: jobId. Value: {@link JobEvent}, the public job lifecycle, written by the exporter only. */
    public static final String EVENTS = "crawl.events";
    /** Key: the key of the failed record. Value: {@link DeadLetter}. */
    public static final String FETCH_DLQ = "crawl.fetch.dlq";
    /** Key: host. Value: {@link PageStats} of the host's pages, all jobs together; compacted. Written by the analytics. */
    public static final String STATS_HOSTS = "crawl.stats.hosts";
    /** Key: jobId. Value: {@link PageStats} of the job's pages; compacted. Written by the analytics. */
    public static final String STATS_JOBS = "crawl.stats.jobs";

    /** Topics created at start-up, with the setting that names their partition count. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(JOBS, 6, List.of(JobSubmitted.class, JobCancelled.class, JobStalled.class)),
            new TopicSpec(FETCH, 12, List.of(FetchTask.class)),
            new TopicSpec(RENDER, 6, List.of(RenderTask.class)),
            new TopicSpec(LINKS, 6, List.of(LinksDiscovered.class)),
            new TopicSpec(PAGES, 6, List.of(PageRecord.class, PagesEnded.class)),
            new TopicSpec(
                    FRONTIER,
                    6,
                    List.of(UrlsAdmitted.class, CrawlFinished.class, JobRejected.class, CrawlCancelled.class)),
            new TopicSpec(EVENTS, 6, List.of(JobEvent.class)),
            new TopicSpec(FETCH_DLQ, 6, List.of(DeadLetter.class)),
            new TopicSpec(STATS_HOSTS, 6, List.of(PageStats.class), true),
            new TopicSpec(STATS_JOBS, 6, List.of(PageStats.class), true));

    private Topics() {}

    /** The topic named so, if the pipeline has it. */
    public static Optional<TopicSpec> spec(String topic) {
        return ALL.stream().filter(spec -> spec.name().equals(topic)).findFirst();
    }

    /**
     * A topic and its default partition count. The count can be overridden with the
     * environment variable {@link #partitionsVariable()}, e.g. {@code CRAWL_FETCH_PARTITIONS=24}.
     *
     * @param valueTypes the types of its values, each described by one schema file ({@link SchemaIdentity}); where
     *     there are several, the first JSON field {@code type} tells them apart, and a type without a name of its own
     *     (a {@link PageRecord}) is the one a value without it has
     * @param compacted true when the topic keeps the latest record of each key (cleanup.policy=compact)
     */
    public record TopicSpec(String name, int defaultPartitions, List<Class<?>> valueTypes, boolean compacted) {
        public TopicSpec(String name, int defaultPartitions, List<Class<?>> valueTypes) {
            this(name, defaultPartitions, valueTypes, false);
        }

        public String partitionsVariable() {
            return name.toUpperCase(Locale.ROOT).replace('.', '_') + "_PARTITIONS";
        }
    }
}
