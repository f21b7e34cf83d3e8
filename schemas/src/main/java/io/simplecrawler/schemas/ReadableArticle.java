package io.simplecrawler.schemas;

/**
 * A page's main content as a reader view shows it (Mozilla Readability's algorithm).
 *
 * @param title    the article's title, or null
 * @param byline   the author line, or null when none was found
 * @param excerpt  a short description or the first paragraph, or null
 * @param markdown the main content as Markdown, without navigation, sidebars and boilerplate
 */
public record ReadableArticle(String title, String byline, String excerpt, String markdown) {}
