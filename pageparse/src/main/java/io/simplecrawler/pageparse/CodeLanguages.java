package io.simplecrawler.pageparse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the language of each code block where the HTML names it, in the usual ways
 * ({@code class="language-java"}, {@code lang-java}, GitHub's {@code highlight-source-java},
 * Sphinx's {@code highlight-java} on a wrapper, {@code data-lang}), and rewrites the block as
 * {@code <pre><code class="language-java" data-lang="java">}, the form the Markdown converter
 * turns into a fenced block with that info string (data-lang survives Readability, which drops
 * classes). A block without a language becomes a bare {@code <pre>}, which the converter fences
 * too, where {@code <pre><code>} would come out indented.
 */
final class CodeLanguages {
    private static final Pattern CLASS = Pattern.compile(
            "(?:language|lang|highlight-source|highlight)-([A-Za-z0-9_+#.-]+)", Pattern.CASE_INSENSITIVE);
    /** Sphinx and Pygments mark blocks without a known language like this. */
    private static final Pattern NO_LANGUAGE =
            Pattern.compile("default|none|text|plain|plaintext|nohighlight", Pattern.CASE_INSENSITIVE);

    private static final Evaluator PRE = QueryParser.parse("pre");
    /** The pre itself, its code child, and wrappers up to two levels above (Sphinx nests two divs). */
    private static final int WRAPPER_LEVELS = 2;

    private CodeLanguages() {}

    static void mark(Element content) {
        for (Element pre : content.select(PRE)) {
            Element code = onlyCodeChild(pre);
            Optional<String> language = code == null ? Optional.empty() : declared(code);
            language = language.or(() -> declared(pre)).or(() -> declaredAbove(pre));
            if (language.isPresent()) {
                (code == null ? wrapChildren(pre) : code)
                        .attr("class", "language-" + language.get())
                        .attr("data-lang", language.get());
            } else if (code != null) {
                code.unwrap();
            }
        }
    }

    private static Element onlyCodeChild(Element pre) {
        return pre.childNodeSize() == 1 && pre.childNode(0) instanceof Element code && code.nameIs("code")
                ? code
                : null;
    }

    private static Element wrapChildren(Element pre) {
        Element code = new Element("code");
        code.appendChildren(pre.childNodes());
        pre.appendChild(code);
        return code;
    }

    private static Optional<String> declaredAbove(Element pre) {
        Element wrapper = pre.parent();
        for (int level = 0; level < WRAPPER_LEVELS && wrapper != null; level++, wrapper = wrapper.parent()) {
            Optional<String> language = declared(wrapper);
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> declared(Element element) {
        if (element.hasAttr("data-lang")) {
            return known(element.attr("data-lang").strip());
        }
        for (String name : element.classNames()) {
            Matcher matcher = CLASS.matcher(name);
            if (matcher.matches()) {
                return known(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> known(String language) {
        return language.isEmpty() || NO_LANGUAGE.matcher(language).matches()
                ? Optional.empty()
                : Optional.of(language.toLowerCase(Locale.ROOT));
    }
}
