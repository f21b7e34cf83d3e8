package io.simplecrawler.pageparse.summary;

import io.simplecrawler.schemas.PageSummary;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;

/**
 * An extractive summary of a page's content: its 3 to 5 most central sentences by
 * {@link TextRank}, in the page's order, and its most frequent content words as keywords.
 */
public final class PageSummarizer {
    /** Ranking is quadratic in the number of sentences; the first ones of a long page are enough. */
    private static final int MAX_CANDIDATES = 400;
    /** Shorter "sentences" are labels and fragments, longer ones are run-on lists. */
    private static final int MIN_WORDS = 5;

    private static final int MAX_WORDS = 80;
    private static final int MIN_SENTENCES = 3;
    private static final int MAX_SENTENCES = 5;
    /** One summary sentence per this many candidates, within the bounds above. */
    private static final int CANDIDATES_PER_SENTENCE = 10;

    private static final int KEYWORDS = 8;
    /** A heading names a topic of the page: its words count this many times. */
    private static final int HEADING_WEIGHT = 2;

    private PageSummarizer() {}

    /**
     * @param content  the page's content, without navigation and other non-content
     * @param language the page's declared language, or null (then English)
     */
    public static PageSummary summarize(Element content, String language) {
        Locale locale = language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
        ProseBlocks prose = ProseBlocks.of(content);
        return new PageSummary(
                centralSentences(candidates(prose.paragraphs(), locale), locale), keywords(prose, locale));
    }

    private static List<String> centralSentences(List<String> candidates, Locale locale) {
        int wanted = Math.min(
                candidates.size(),
                Math.max(MIN_SENTENCES, Math.min(MAX_SENTENCES, candidates.size() / CANDIDATES_PER_SENTENCE)));
        double[] scores = TextRank.scores(candidates.stream()
                .map(sentence -> (Set<String>) new HashSet<>(contentWords(sentence, locale)))
                .toList());
        return IntStream.range(0, candidates.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .limit(wanted)
                .sorted()
                .map(candidates::get)
                .toList();
    }

    private static List<String> candidates(List<String> paragraphs, Locale locale) {
        Set<String> sentences = new LinkedHashSet<>();
        BreakIterator boundaries = BreakIterator.getSentenceInstance(locale);
        for (String paragraph : paragraphs) {
            boundaries.setText(paragraph);
            for (int start = boundaries.first(), end = boundaries.next();
                    end != BreakIterator.DONE;
                    start = end, end = boundaries.next()) {
                String sentence = paragraph.substring(start, end).strip();
                int words = Words.of(sentence, locale).size();
                if (words >= MIN_WORDS && words <= MAX_WORDS) {
                    sentences.add(sentence);
                }
                if (sentences.size() == MAX_CANDIDATES) {
                    return new ArrayList<>(sentences);
                }
            }
        }
        return new ArrayList<>(sentences);
    }

    private static List<String> keywords(ProseBlocks prose, Locale locale) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        prose.headings().forEach(heading -> count(heading, HEADING_WEIGHT, counts, locale));
        prose.paragraphs().forEach(paragraph -> count(paragraph, 1, counts, locale));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(KEYWORDS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void count(String text, int weight, Map<String, Integer> counts, Locale locale) {
        for (String word : contentWords(text, locale)) {
            if (word.length() >= 3 && word.codePoints().anyMatch(Character::isLetter)) {
                counts.merge(word, weight, Integer::sum);
            }
        }
    }

    /** The words of a text in lower case, without stop words. */
    private static List<String> contentWords(String text, Locale locale) {
        List<String> words = new ArrayList<>();
        for (String word : Words.of(text, locale)) {
            String lower = word.toLowerCase(locale);
            if (!StopWords.contains(lower)) {
                words.add(lower);
            }
        }
        return words;
    }
}
