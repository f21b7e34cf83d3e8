package io.simplecrawler.pageparse;

import io.simplecrawler.schemas.Heading;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.schemas.PageSummary;
import io.simplecrawler.schemas.ReadableArticle;
import java.util.List;

/**
 * What one HTML page says. "Content" is the body without scripts, navigation, the page's
 * banner and footer, forms and hidden parts.
 *
 * @param title       the document title, or null when it has none
 * @param text        the visible text of the body
 * @param markdown    the content as GitHub-flavoured Markdown
 * @param links       absolute http(s) links without fragments, each once, in document order
 * @param internalLinks the links to the page's own host
 * @param externalLinks the links to other hosts
 * @param description the meta description, or null
 * @param language    the declared language, or null
 * @param canonical   the absolute URL of the canonical link, or null
 * @param headings    the content's headings in document order
 * @param wordCount   the number of words of the content
 * @param readable    the reader-view article, or null when not asked for or not found
 * @param summary     the extractive summary, or null when not asked for
 * @param html        the content as HTML (what the Markdown is made from), or null when not asked for
 * @param rawHtml     the page as fetched, decoded, or null when not asked for
 * @param applicationShell whether the page looks like an application shell whose content a
 *                    browser builds ({@link ApplicationShell}'s rule, for render "auto")
 */
public record ParsedPage(
        String title,
        String text,
        String markdown,
        List<String> links,
        List<String> internalLinks,
        List<String> externalLinks,
        String description,
        String language,
        String canonical,
        List<Heading> headings,
        int wordCount,
        ReadableArticle readable,
        PageSummary summary,
        String html,
        String rawHtml,
        boolean applicationShell) {

    /** Fills in what the page says: title, text, Markdown, links, description, language, headings, extras and HTML. */
    public PageRecord.Builder describe(PageRecord.Builder record) {
        return record.title(title)
                .text(text)
                .markdown(markdown)
                .links(links)
                .description(description)
                .language(language)
                .headings(headings)
                .wordCount(wordCount)
                .internalLinks(internalLinks)
                .externalLinks(externalLinks)
                .readable(readable)
                .summary(summary)
                .html(html)
                .rawHtml(rawHtml);
    }
}
