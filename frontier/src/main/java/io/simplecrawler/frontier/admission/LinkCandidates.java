package io.simplecrawler.frontier.admission;

import io.simplecrawler.crawlscope.CrawlScope;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The links of a page sorted by the job's {@link CrawlScope}: the in-scope ones in normal form,
 * each once, in document order, to be admitted; the traps, to be counted as filtered; the rest
 * (other hosts, excluded paths, not http) dropped.
 */
public record LinkCandidates(List<String> admissible, List<String> filtered) {
    public static final LinkCandidates NONE = new LinkCandidates(List.of(), List.of());

    public static LinkCandidates sort(CrawlScope scope, Collection<String> links) {
        Set<String> admissible = new LinkedHashSet<>();
        Set<String> filtered = new LinkedHashSet<>();
        for (String link : links) {
            CrawlScope.normalise(link).ifPresent(url -> {
                switch (scope.judge(url)) {
                    case IN_SCOPE -> admissible.add(url);
                    case TRAP -> filtered.add(url);
                    case OUT_OF_SCOPE -> {}
                }
            });
        }
        return new LinkCandidates(List.copyOf(admissible), List.copyOf(filtered));
    }
}
