package io.simplecrawler.frontier.stream;

import io.simplecrawler.broker.DeadLetterMeter;
import io.simplecrawler.faults.DeadLetters;
import io.simplecrawler.faults.InfrastructureFaults;
import io.simplecrawler.frontier.crawl.CrawlFrontier;
import io.simplecrawler.frontier.crawl.FrontierOutput;
import io.simplecrawler.schemas.CrawlFact;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.JobStalled;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.RenderTask;
import io.simplecrawler.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads a job command or a links record, hands it to the frontier and forwards what it decides.
 * A record the frontier cannot process goes to the dead-letter topic with the reason (and a job
 * whose submission it is fails); work that Redis holds up is retried by {@link StoreRetry}.
 * Outputs are forwarded only after the record's Redis calls all succeeded, so a retried record
 * forwards them once, and a replayed one again at most (admission makes that harmless).
 */
final class FrontierProcessor implements Processor<String, byte[], String, byte[]>, FrontierOutput {
    private static final Logger LOG = LoggerFactory.getLogger(FrontierProcessor.class);

    private final CrawlFrontier frontier;
    private final StoreRetry retry;
    private final DeadLetterMeter deadLetters;
    private ProcessorContext<String, byte[]> context;

    FrontierProcessor(CrawlFrontier frontier, StoreRetry retry, DeadLetterMeter deadLetters) {
        this.frontier = frontier;
        this.retry = retry;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        try (var job = MDC.putCloseable("crawl.jobId", record.key())) {
            if (Topics.JOBS.equals(topic)) {
                JobCommand command = EventJson.read(record.value(), JobCommand.class);
                processOrDeadLetter(
                        record, () -> handle(command), command instanceof JobSubmitted submitted ? submitted : null);
            } else {
                LinksDiscovered links = EventJson.read(record.value(), LinksDiscovered.class);
                try (var url = MDC.putCloseable("crawl.url", links.sourceUrl())) {
                    processOrDeadLetter(record, () -> frontier.onLinks(links, this), null);
                }
            }
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
        }
    }

    private void handle(JobCommand command) {
        if (command instanceof JobSubmitted submitted) {
            frontier.onSubmitted(submitted, this);
        } else if (command instanceof JobCancelled cancelled) {
            frontier.onCancelled(cancelled, this);
        } else if (command instanceof JobStalled stalled) {
            frontier.onStalled(stalled, this);
        }
    }

    /** Runs the record's work; if it fails for the record's own reason, dead-letters it and fails the submitted job. */
    private void processOrDeadLetter(Record<String, byte[]> record, Runnable work, JobSubmitted submitted) {
        try {
            retry.run(work);
        } catch (RuntimeException e) {
            if (InfrastructureFaults.isInfrastructure(e) || retry.stopping()) {
                throw e; // the service is stopping: the record was not committed and will be replayed
            }
            String reason = e instanceof MalformedEventException ? e.getMessage() : DeadLetters.reason(e);
            if (!(e instanceof MalformedEventException)) {
                LOG.error("Cannot process record: {}", reason, e);
            }
            deadLetter(record, reason);
            if (submitted != null && submitted.jobId() != null) {
                retry.run(() -> frontier.fail(submitted.jobId(), reason, this)); // it stops the crawl in Redis
            }
        }
    }

    @Override
    public void fetch(String host, FetchTask task) {
        forward(FrontierTopology.FETCH_SINK, host, EventJson.write(task));
    }

    @Override
    public void render(String host, RenderTask task) {
        forward(FrontierTopology.RENDER_SINK, host, EventJson.write(task));
    }

    @Override
    public void fact(CrawlFact fact) {
        forward(FrontierTopology.FACTS_SINK, fact.jobId().toString(), EventJson.write(fact));
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        LOG.warn("Dead-lettering record {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), reason);
        ProducerRecord<String, byte[]> letter = DeadLetters.of(
                source.topic(), source.partition(), source.offset(), record.key(), record.value(), reason);
        forward(FrontierTopology.DLQ_SINK, letter.key(), letter.value());
        deadLetters.count(letter);
    }

    private void forward(String sink, String key, byte[] value) {
        context.forward(new Record<>(key, value, context.currentSystemTimeMs()), sink);
    }
}
