package io.simplecrawler.fetcher.parse.summary;

import java.util.Set;

/** English function words, which say nothing about what a page is about. Other languages keep theirs. */
final class StopWords {
    private static final Set<String> ENGLISH = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "etc", "even",
            "ever", "every", "few", "for", "from", "further", "get", "gets", "given", "had", "has", "have", "having",
            "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
            "into", "is", "it", "its", "itself", "just", "least", "less", "let", "like", "made", "make", "makes",
            "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "need", "needs", "neither",
            "never", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other",
            "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "rather", "same",
            "see", "several", "shall", "she", "should", "since", "so", "some", "such", "than", "that", "the",
            "their", "theirs", "them", "themselves", "then", "there", "therefore", "these", "they", "this",
            "those", "though", "through", "thus", "to", "too", "two", "under", "until", "up", "upon", "us", "use",
            "used", "uses", "using", "very", "via", "was", "we", "well", "were", "what", "when", "where", "whether",
            "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
            "you", "your", "yours", "yourself", "yourselves");

    private StopWords() {}

    /** @param word a lower-case word */
    static boolean contains(String word) {
        return ENGLISH.contains(word);
    }
}
