/**
 * HTML parsing: title, text, links, Markdown, the readable article and the summary, all from one
 * jsoup tree. One module for the fetcher's plain pages and the renderer's rendered ones, so a
 * page reads the same whichever way it was got.
 */
package io.simplecrawler.pageparse;
