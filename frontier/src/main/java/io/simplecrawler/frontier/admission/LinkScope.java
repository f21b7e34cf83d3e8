package io.simplecrawler.frontier.admission;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The URLs a job may fetch: http(s) on the seed's origin (scheme, host and port), normalised
 * by crawler-commons so that two spellings of one page are one URL.
 */
public final class LinkScope {
    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    private final Origin seedOrigin;

    private LinkScope(Origin seedOrigin) {
        this.seedOrigin = seedOrigin;
    }

    /** The scope of a job seeded at {@code seedUrl}; empty if the seed is not an http(s) URL. */
    public static Optional<LinkScope> ofSeed(String seedUrl) {
        return normalise(seedUrl).flatMap(Origin::of).map(LinkScope::new);
    }

    /** The normalised form of a URL, without fragment; empty if it is not a valid http(s) URL. */
    public static Optional<String> normalise(String url) {
        String normalised = NORMALIZER.filter(url);
        if (normalised == null) {
            return Optional.empty();
        }
        int hash = normalised.indexOf('#');
        String withoutFragment = hash < 0 ? normalised : normalised.substring(0, hash);
        return Origin.of(withoutFragment).isPresent() ? Optional.of(withoutFragment) : Optional.empty();
    }

    /** The in-scope links, normalised and deduplicated, in their original order. */
    public List<String> admissible(Collection<String> links) {
        LinkedHashSet<String> admissible = new LinkedHashSet<>();
        for (String link : links) {
            normalise(link).filter(url -> Origin.of(url).filter(seedOrigin::equals).isPresent())
                    .ifPresent(admissible::add);
        }
        return List.copyOf(admissible);
    }

    private record Origin(String scheme, String host, int port) {
        static Optional<Origin> of(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme();
                if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                    return Optional.empty();
                }
                int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
                return Optional.of(new Origin(scheme, uri.getHost(), port));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    }
}
