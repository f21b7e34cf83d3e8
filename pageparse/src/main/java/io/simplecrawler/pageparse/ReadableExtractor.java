package io.simplecrawler.pageparse;

import io.simplecrawler.schemas.ReadableArticle;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's main content as a reader view shows it, with Readability4J (a port of Mozilla's
 * Readability) and the page's Markdown converter.
 */
final class ReadableExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(ReadableExtractor.class);
    private final MarkdownConverter markdown;

    ReadableExtractor(MarkdownConverter markdown) {
        this.markdown = markdown;
    }

    /**
     * Rewrites the document's tree: give it a copy when the tree is still needed.
     *
     * @return the article, or null when Readability finds no content
     */
    ReadableArticle extract(Document document) {
        Article article;
        try {
            article = new Readability4JExtended(document.location(), document).parse();
        } catch (RuntimeException e) {
            // Readability4J 1.0.8 throws on pages where no element scores as the article (with the jsoup of
            // this build: "topCandidate.parent() must not be null"); the page then keeps its whole Markdown
            LOG.debug("No article found in {}: {}", document.location(), e.toString());
            return null;
        }
        Element content = article.getArticleContent();
        if (content == null) {
            return null;
        }
        String byline = blankToNull(article.getByline());
        String excerpt = blankToNull(article.getExcerpt());
        return new ReadableArticle(
                blankToNull(article.getTitle()),
                byline,
                excerpt != null && excerpt.equals(byline) ? null : excerpt,
                markdown.convert(withCodeLanguages(content)));
    }

    private static Element withCodeLanguages(Element content) {
        CodeLanguages.mark(content);
        return content;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank()
                ? null
                : value.replaceAll("\\s+", " ").strip();
    }
}
