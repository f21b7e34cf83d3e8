package io.simplecrawler.frontier.stream;

import io.simplecrawler.frontier.crawl.CrawlFrontier;
import io.simplecrawler.frontier.crawl.FrontierOutput;
import io.simplecrawler.schemas.DeadLetter;
import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchTask;
import io.simplecrawler.schemas.JobCancelled;
import io.simplecrawler.schemas.JobCommand;
import io.simplecrawler.schemas.JobEvent;
import io.simplecrawler.schemas.JobSubmitted;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.schemas.MalformedEventException;
import io.simplecrawler.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Reads a job command or a links record, hands it to the frontier and forwards what it decides. */
final class FrontierProcessor implements Processor<String, byte[], String, byte[]>, FrontierOutput {
    private static final Logger LOG = LoggerFactory.getLogger(FrontierProcessor.class);

    private final CrawlFrontier frontier;
    private ProcessorContext<String, byte[]> context;

    FrontierProcessor(CrawlFrontier frontier) {
        this.frontier = frontier;
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
                if (command instanceof JobSubmitted submitted) {
                    frontier.onSubmitted(submitted, this);
                } else if (command instanceof JobCancelled cancelled) {
                    frontier.onCancelled(cancelled);
                }
            } else {
                LinksDiscovered links = EventJson.read(record.value(), LinksDiscovered.class);
                try (var url = MDC.putCloseable("crawl.url", links.sourceUrl())) {
                    frontier.onLinks(links, this);
                }
            }
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
        }
    }

    @Override
    public void fetch(String host, FetchTask task) {
        forward(FrontierTopology.FETCH_SINK, host, EventJson.write(task));
    }

    @Override
    public void event(JobEvent event) {
        forward(FrontierTopology.EVENTS_SINK, event.jobId().toString(), EventJson.write(event));
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        LOG.warn("Dead-lettering record {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), reason);
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        DeadLetter letter = new DeadLetter(source.topic(), source.partition(), source.offset(),
                record.key(), value, reason, Instant.now());
        forward(FrontierTopology.DLQ_SINK, record.key(), EventJson.write(letter));
    }

    private void forward(String sink, String key, byte[] value) {
        context.forward(new Record<>(key, value, context.currentSystemTimeMs()), sink);
    }
}
