/** HTML parsing: title, text, links and Markdown from one jsoup tree. */
package io.simplecrawler.fetcher.parse;
