package io.simplecrawler.pageparse.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextRankTest {

    @Test
    void aSentenceSharingWordsWithManyOthersOutranksAnOutlier() {
        double[] scores = TextRank.scores(List.of(
                Set.of("kafka", "partition", "key"),
                Set.of("kafka", "partition", "consumer", "group"),
                Set.of("weather", "sunny", "today"),
                Set.of("partition", "consumer", "offset"),
                Set.of("kafka", "offset", "commit")));

        for (int i : new int[] {0, 1, 3, 4}) {
            assertTrue(scores[i] > scores[2], "sentence " + i + " outranks the outlier");
        }
        assertTrue(scores[1] > scores[0], "the sentence sharing most words ranks first");
        assertEquals(1 - 0.85, scores[2], 1e-9, "an unconnected sentence keeps the base score");
    }

    @Test
    void sentencesOfASymmetricGraphScoreTheSame() {
        double[] scores = TextRank.scores(List.of(Set.of("a", "b"), Set.of("b", "c"), Set.of("c", "a")));

        assertArrayEquals(new double[] {scores[0], scores[0], scores[0]}, scores, 1e-9);
    }

    @Test
    void similarityIsSharedWordsOverLogLengths() {
        assertEquals(
                2 / (Math.log(4) + Math.log(5)),
                TextRank.similarity(Set.of("a", "b", "c"), Set.of("a", "b", "x", "y")),
                1e-12);
        assertEquals(0, TextRank.similarity(Set.of(), Set.of("a")));
        assertEquals(0, TextRank.similarity(Set.of("a"), Set.of("b")));
    }

    @Test
    void noSentencesNoScores() {
        assertEquals(0, TextRank.scores(List.of()).length);
    }
}
