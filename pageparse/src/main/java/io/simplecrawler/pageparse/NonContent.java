package io.simplecrawler.pageparse;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The parts of a page that are not its content: scripts and styles, navigation, the page's
 * banner and footer, forms and their controls, and hidden elements. Removed before the
 * Markdown conversion; the record's text keeps them, as a browser shows them.
 */
final class NonContent {
    private static final Evaluator ELEMENTS = QueryParser.parse(String.join(
            ", ",
            "script",
            "style",
            "noscript",
            "template",
            "nav",
            "form",
            "button",
            "input",
            "select",
            "textarea",
            "dialog",
            "[hidden]",
            "[aria-hidden=true]",
            "[role=navigation]",
            "[role=banner]",
            "[role=contentinfo]",
            "[role=search]",
            "[style~=(?i)display\\s*:\\s*none]",
            "[style~=(?i)visibility\\s*:\\s*hidden]"));
    private static final Evaluator BANNERS = QueryParser.parse("header, footer");
    private static final Evaluator NAMED = QueryParser.parse("[class], [id]");
    /** Class and id tokens that name navigation or hidden parts, e.g. DocBook's navheader or Bootstrap's d-none. */
    private static final Pattern NAMES = Pattern.compile(
            "nav|navbar|navigation|navheader|navfooter|nav-.+|.+-nav|breadcrumbs?|sidebar|menu|menubar|skip-link"
                    + "|site-header|site-footer|hidden|d-none|sr-only|visually-hidden|screen-reader-text",
            Pattern.CASE_INSENSITIVE);
    /** What a page's content lives in: never removed for its name, since a layout class may wrap it. */
    private static final Evaluator CONTENT_HOLDERS = QueryParser.parse("main, article, [role=main]");

    private static final Evaluator SECTIONING = QueryParser.parse("article, aside, main, nav, section");

    private NonContent() {}

    static void removeFrom(Element content) {
        content.select(ELEMENTS).remove();
        // header and footer are the page's banner and footer only outside sectioning content (HTML's rule)
        content.select(BANNERS).stream()
                .filter(element -> element.parents().stream().noneMatch(NonContent::isSectioning))
                .forEach(Element::remove);
        content.select(NAMED).stream()
                .filter(element -> element != content && isNamedNonContent(element))
                .filter(element -> !element.is(CONTENT_HOLDERS)
                        && element.select(CONTENT_HOLDERS).isEmpty())
                .forEach(Element::remove);
    }

    private static boolean isSectioning(Element element) {
        return element.is(SECTIONING);
    }

    private static boolean isNamedNonContent(Element element) {
        if (NAMES.matcher(element.id()).matches()) {
            return true;
        }
        for (String name : element.classNames()) {
            if (NAMES.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }
}
