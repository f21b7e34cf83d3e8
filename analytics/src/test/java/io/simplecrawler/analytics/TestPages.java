package io.simplecrawler.analytics;

import io.simplecrawler.schemas.EventJson;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.Topics;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Page records as a fetcher writes them to crawl.pages, delivered at least once, for the analytics' tests. */
public final class TestPages {
    private TestPages() {}

    /**
     * The {@code i}-th page of a job, on host {@code hosts[i % size]}: every tenth one failed
     * (503), the others fetched with 1000 + i bytes, fetch times 0 to 299 ms, one or two links.
     */
    public static PageRecord page(UUID job, List<String> hosts, int i) {
        boolean failed = i % 10 == 0;
        return PageRecord.of(
                        job,
                        "http://" + hosts.get(i % hosts.size()) + "/page/" + i,
                        1,
                        failed ? FetchOutcome.FAILED : FetchOutcome.FETCHED)
                .status(failed ? 503 : 200)
                .contentType(failed ? null : "text/html")
                .fetchedAt(Instant.parse("2026-12-07T10:00:00Z").plusMillis(i))
                .fetchMs(i % 300)
                .bytes(failed ? 0 : 1000 + i)
                .error(failed ? "HTTP 503" : null)
                .links(List.of("http://a.test/", "http://b.test/").subList(0, i % 3 == 0 ? 2 : 1))
                .build();
    }

    /** The host of a page's URL, as the analytics count it. */
    public static String host(PageRecord page) {
        return URI.create(page.url()).getHost();
    }

    /** Every page, and every fifth one again right after it, then {@code again} once more. */
    public static List<PageRecord> withDuplicates(List<PageRecord> pages, List<PageRecord> again) {
        List<PageRecord> delivered = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            delivered.add(pages.get(i));
            if (i % 5 == 0) {
                delivered.add(pages.get(i));
            }
        }
        delivered.addAll(again);
        return delivered;
    }

    /** How many pages of each kind. */
    public static Map<String, Long> count(List<PageRecord> pages, Function<PageRecord, String> kind) {
        return pages.stream().collect(Collectors.groupingBy(kind, TreeMap::new, Collectors.counting()));
    }

    /** Sends in batches of 100, each flushed, so that the records arrive while the service counts. */
    public static void send(KafkaProducer<String, byte[]> producer, List<PageRecord> pages) {
        for (int i = 0; i < pages.size(); i++) {
            PageRecord page = pages.get(i);
            producer.send(new ProducerRecord<>(Topics.PAGES, page.jobId().toString(), EventJson.write(page)));
            if (i % 100 == 99) {
                producer.flush();
            }
        }
        producer.flush();
    }

    public static KafkaProducer<String, byte[]> producer(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
