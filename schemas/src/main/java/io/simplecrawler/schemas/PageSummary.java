package io.simplecrawler.schemas;

import java.util.List;

/**
 * A short extractive summary of a page's content.
 *
 * @param sentences the page's most central sentences (ranked by TextRank), in the page's order
 * @param keywords  the page's most frequent content words, most frequent first
 */
public record PageSummary(List<String> sentences, List<String> keywords) {}
