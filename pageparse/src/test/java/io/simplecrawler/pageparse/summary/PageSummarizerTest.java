package io.simplecrawler.pageparse.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplecrawler.schemas.PageSummary;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageSummarizerTest {

    private static PageSummary summarize(String html) {
        return PageSummarizer.summarize(Jsoup.parse(html).body(), "en");
    }

    @Test
    void picksTheCentralSentencesInThePagesOrder() {
        PageSummary summary = summarize(
                """
                <h1>Kafka partitions</h1>
                <p>The weather was pleasant on the day this page was written. Kafka splits every topic into partitions.</p>
                <p>Each partition of a topic is an ordered log of records. A consumer group reads the partitions of a topic in parallel.</p>
                <p>Lunch was served at noon in the old cafeteria. Records with the same key go to the same partition of the topic.</p>
                <pre>kafka-topics --create --topic orders --partitions 6 --partitions 6 --partitions 6</pre>
                <table><tr><td>partition partition partition topic topic topic records records</td></tr></table>""");

        assertEquals(3, summary.sentences().size(), summary.sentences().toString());
        assertTrue(
                summary.sentences().stream().noneMatch(s -> s.contains("weather") || s.contains("Lunch")),
                () -> "the off-topic sentences are left out: " + summary.sentences());
        List<String> inPageOrder = List.of(
                "Kafka splits every topic into partitions.",
                "Each partition of a topic is an ordered log of records.",
                "A consumer group reads the partitions of a topic in parallel.",
                "Records with the same key go to the same partition of the topic.");
        assertEquals(inPageOrder.stream().filter(summary.sentences()::contains).toList(), summary.sentences());
        assertEquals(
                List.of("partitions", "topic"),
                summary.keywords().subList(0, 2),
                "as frequent as each other (the heading counts twice); code and tables do not count");
        assertFalse(summary.keywords().contains("the"), "stop words are no keywords");
    }

    @Test
    void aLongPageGetsFiveSentencesAShortOneWhatItHas() {
        String sentences = IntStream.range(0, 60)
                .mapToObj(i -> "<p>Sentence number " + i + " talks about crawling web pages politely.</p>")
                .collect(Collectors.joining());

        assertEquals(5, summarize(sentences).sentences().size());
        assertEquals(
                List.of("Only this one sentence is here."),
                summarize("<p>Only this one sentence is here.</p>").sentences());
        assertEquals(
                List.of(),
                summarize("<p>Too short.</p><ul><li>Tiny</li></ul>").sentences(),
                "fragments are no sentences");
    }

    @Test
    void headingsCountForKeywordsButAreNoSentences() {
        PageSummary summary =
                summarize("<h2>Replication slots</h2><p>Slots keep the log until a standby has read it.</p>");

        assertEquals(List.of("Slots keep the log until a standby has read it."), summary.sentences());
        assertEquals(List.of("slots", "replication"), summary.keywords().subList(0, 2), "heading words count twice");
    }
}
