package io.simplecrawler.pageparse;

import io.simplecrawler.pageparse.summary.Words;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Whether a page as fetched (before any script ran) looks like an application shell, whose text
 * and links a browser builds: the rule of {@code render: "auto"}. A page is a shell when it runs a
 * script (an external one, or inline code that is not data such as JSON-LD) and either
 *
 * <ul>
 *   <li>shows almost nothing: fewer than {@value #BARE_WORDS} visible words, or
 *   <li>shows little (fewer than {@value #LITTLE_WORDS} visible words) and has an empty mount point
 *       (an element with the id or attribute of a client framework's root, such as {@code <div
 *       id="root"></div>}, {@code id="app"}, {@code id="__next"}, {@code <app-root>}, holding no
 *       element and no text) or a {@code <noscript>} that asks to enable JavaScript.
 * </ul>
 *
 * Visible words are the body's, without scripts, styles, templates and noscript. A server-rendered
 * article with analytics scripts has far more words than that, so it stays a plain page.
 */
final class ApplicationShell {
    /** Fewer visible words than this, with a script, is a shell whatever else the page has. */
    static final int BARE_WORDS = 10;
    /** Fewer visible words than this, with a script and an empty mount point or a noscript plea, is a shell. */
    static final int LITTLE_WORDS = 100;

    private static final Set<String> MOUNT_IDS =
            Set.of("root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app", "react-root", "q-app");
    private static final Evaluator MOUNT_MARKS =
            QueryParser.parse("[data-reactroot], [ng-app], [ng-version], app-root");
    private static final Evaluator SCRIPTS = QueryParser.parse("script");
    private static final Evaluator NOSCRIPTS = QueryParser.parse("noscript");
    private static final Evaluator INVISIBLE = QueryParser.parse("script, style, template, noscript");
    private static final Set<String> DATA_TYPES =
            Set.of("application/ld+json", "application/json", "importmap", "speculationrules");

    private ApplicationShell() {}

    /** Judges the document as parsed, before anything is removed from it. */
    static boolean judge(Document document) {
        if (!runsScript(document)) {
            return false;
        }
        int words = visibleWords(document);
        return words < BARE_WORDS || (words < LITTLE_WORDS && (hasEmptyMount(document) || asksForJavaScript(document)));
    }

    private static boolean runsScript(Document document) {
        return document.select(SCRIPTS).stream()
                .anyMatch(script ->
                        !DATA_TYPES.contains(script.attr("type").strip().toLowerCase(Locale.ROOT))
                                && (script.hasAttr("src") || !script.data().isBlank()));
    }

    private static int visibleWords(Document document) {
        Element body = document.body().clone();
        body.select(INVISIBLE).remove();
        return Words.count(body.text());
    }

    private static boolean hasEmptyMount(Document document) {
        return document.body().getAllElements().stream()
                .filter(element -> MOUNT_IDS.contains(element.id()) || element.is(MOUNT_MARKS))
                .anyMatch(element ->
                        element.children().isEmpty() && element.text().isBlank());
    }

    private static boolean asksForJavaScript(Document document) {
        return document.select(NOSCRIPTS).stream().anyMatch(noscript -> {
            String text = (noscript.text() + " " + noscript.data()).toLowerCase(Locale.ROOT);
            return text.contains("javascript");
        });
    }
}
