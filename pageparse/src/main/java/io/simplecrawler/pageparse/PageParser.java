package io.simplecrawler.pageparse;

import io.simplecrawler.pageparse.summary.PageSummarizer;
import io.simplecrawler.pageparse.summary.Words;
import io.simplecrawler.schemas.ContentOptions;
import io.simplecrawler.schemas.Heading;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageSummary;
import io.simplecrawler.schemas.ReadableArticle;
import jakarta.inject.Singleton;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parses an HTML page once with jsoup and takes everything from that one tree: metadata, text
 * and links first, then, from the content, its headings, word count, what the job's format
 * needs besides (a summary, or the reader-view article from a copy of the content's tree, as
 * Readability needs the page's layout) and the Markdown, and the content's HTML and the raw page
 * when the job asks for them. Thread-safe.
 */
@Singleton
public class PageParser {
    private static final Evaluator ANCHORS = QueryParser.parse("a[href]");
    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private final MarkdownConverter markdown = new MarkdownConverter();
    private final ReadableExtractor readableExtractor = new ReadableExtractor(markdown);

    /**
     * @param body    the raw bytes of the page
     * @param charset the charset from the Content-Type header, or null to detect it from the page
     *                (byte order mark, then {@code <meta charset>} or {@code http-equiv}, else UTF-8)
     * @param baseUri the URL the page was fetched from (after redirects), for resolving links
     * @param format  the job's output format: readable adds the reader-view article, summary the summary
     */
    public ParsedPage parse(byte[] body, String charset, String baseUri, OutputFormat format) {
        return parse(body, charset, baseUri, format, ContentOptions.NONE);
    }

    /**
     * As {@link #parse(byte[], String, String, OutputFormat)}, with the job's content options:
     * its include and exclude tags applied to the content before it is converted, and the
     * content's HTML and the raw page added when its formats list them.
     */
    public ParsedPage parse(byte[] body, String charset, String baseUri, OutputFormat format, ContentOptions options) {
        Document document = HtmlDocument.parse(body, charset, baseUri);
        String rawHtml = options.wants(ContentOptions.RAW_HTML) ? new String(body, document.charset()) : null;
        String title = document.title().isBlank() ? null : document.title().strip();
        String text = document.body().text();
        PageUrls urls = new PageUrls(document.baseUri());
        PageLinks links = PageLinks.of(document, urls);
        PageMetadata metadata = PageMetadata.of(document);
        boolean applicationShell = ApplicationShell.judge(document);

        Element content = document.body();
        ContentTags.apply(content, options);
        NonContent.removeFrom(content);
        absolutize(content, urls);
        CodeLanguages.mark(content);
        String html = options.wants(ContentOptions.HTML) ? content.outerHtml() : null;
        List<Heading> headings = headings(content);
        int wordCount = Words.count(content.text());
        PageSummary summary =
                format == OutputFormat.SUMMARY ? PageSummarizer.summarize(content, metadata.language()) : null;
        boolean convertible = ConversionLimit.allows(content);
        ReadableArticle readable =
                format == OutputFormat.READABLE && convertible ? readableExtractor.extract(document.clone()) : null;
        String contentMarkdown = convertible ? markdown.convert(content) : content.text();

        return new ParsedPage(
                title,
                text,
                contentMarkdown,
                links.all(),
                links.internal(),
                links.external(),
                metadata.description(),
                metadata.language(),
                metadata.canonical(),
                headings,
                wordCount,
                readable,
                summary,
                html,
                rawHtml,
                applicationShell);
    }

    /** The Markdown is read away from the page, so its links and images must not be relative. */
    private static void absolutize(Element content, PageUrls urls) {
        for (Element link : content.select(ANCHORS)) {
            String target = urls.absolute(link, "href");
            if (!target.isEmpty()) {
                link.attr("href", target);
            }
        }
        for (Element image : content.select(IMAGES)) {
            // lazy-loading pages put the real image in data-src and a placeholder in src
            String source = image.hasAttr("data-src")
                            && (!image.hasAttr("src") || image.attr("src").startsWith("data:"))
                    ? urls.absolute(image, "data-src")
                    : urls.absolute(image, "src");
            if (source.isEmpty() || source.startsWith("data:")) {
                // nothing to show away from the page; an inline data: image would bloat the Markdown
                image.remove();
            } else {
                image.attr("src", source);
            }
        }
    }

    private static List<Heading> headings(Element content) {
        return content.select(HEADINGS).stream()
                .map(heading -> new Heading(
                        heading.tagName().charAt(1) - '0', heading.text().strip()))
                .filter(heading -> !heading.text().isEmpty())
                .toList();
    }
}
