package io.simplecrawler.pageparse;

import io.simplecrawler.schemas.ContentOptions;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.QueryParser;

/**
 * A job's {@code includeTags} and {@code excludeTags} (Firecrawl's scrape options), applied to
 * the body before anything is converted, as Firecrawl's {@code htmlTransform} does
 * ({@code apps/api/src/scraper/scrapeURL/lib/removeUnwantedElements.ts}): the body is left
 * holding only the elements an include selector matches (the outermost ones, in document
 * order), then the elements an exclude selector matches are removed. The gateway has checked the
 * selectors.
 */
final class ContentTags {
    private ContentTags() {}

    static void apply(Element body, ContentOptions options) {
        if (!options.includeTags().isEmpty()) {
            Elements matched = body.select(QueryParser.parse(String.join(", ", options.includeTags())));
            Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.addAll(matched);
            if (!kept.contains(body)) {
                List<Element> outermost = matched.stream()
                        .filter(element -> element.parents().stream().noneMatch(kept::contains))
                        .toList();
                body.empty();
                outermost.forEach(body::appendChild);
            }
        }
        if (!options.excludeTags().isEmpty()) {
            body.select(QueryParser.parse(String.join(", ", options.excludeTags()))).stream()
                    .filter(element -> element != body)
                    .forEach(Element::remove);
        }
    }
}
