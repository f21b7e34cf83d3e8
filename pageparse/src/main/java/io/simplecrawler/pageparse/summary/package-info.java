/**
 * The page summary (TextRank over the prose blocks of a page) and the word segmentation it
 * shares with the page's word count ({@code Words}).
 */
package io.simplecrawler.pageparse.summary;
