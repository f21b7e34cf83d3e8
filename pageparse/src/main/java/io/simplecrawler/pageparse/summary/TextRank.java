package io.simplecrawler.pageparse.summary;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * TextRank over sentences (Mihalcea and Tarau, 2004): a graph whose nodes are the sentences and
 * whose edges are weighted by word overlap, ranked with weighted PageRank. A sentence scores
 * high when it shares words with many sentences that score high: it says what the page is about.
 */
final class TextRank {
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGED = 1e-6;

    private TextRank() {}

    /**
     * @param sentences the content words of each sentence
     * @return each sentence's score, in the given order
     */
    static double[] scores(List<Set<String>> sentences) {
        int n = sentences.size();
        double[][] weights = new double[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double similarity = similarity(sentences.get(i), sentences.get(j));
                weights[i][j] = similarity;
                weights[j][i] = similarity;
                outWeight[i] += similarity;
                outWeight[j] += similarity;
            }
        }
        double[] scores = new double[n];
        Arrays.fill(scores, 1.0);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double change = 0;
            for (int i = 0; i < n; i++) {
                double incoming = 0;
                for (int j = 0; j < n; j++) {
                    if (weights[j][i] > 0) {
                        incoming += weights[j][i] / outWeight[j] * scores[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * incoming;
                change = Math.max(change, Math.abs(next[i] - scores[i]));
            }
            scores = next;
            if (change < CONVERGED) {
                break;
            }
        }
        return scores;
    }

    /** Shared words, normalised by sentence length (log, so long sentences are not favoured outright). */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        // log(1 + |S|) rather than the paper's log |S|, which is 0 for one-word sentences
        return shared / (Math.log1p(a.size()) + Math.log1p(b.size()));
    }
}
