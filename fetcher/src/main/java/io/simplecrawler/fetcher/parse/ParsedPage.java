package io.simplecrawler.fetcher.parse;

import java.util.List;

/**
 * What one HTML page says.
 *
 * @param title    the document title, or null when it has none
 * @param text     the visible text of the body
 * @param markdown the page's content as Markdown, without scripts, navigation, forms and hidden parts
 * @param links    absolute http(s) links without fragments, each once, in document order
 */
public record ParsedPage(String title, String text, String markdown, List<String> links) {}
