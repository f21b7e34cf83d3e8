package io.simplecrawler.fetcher.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.FetchTasks;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.LinksDiscovered;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A fast site whose answers are mostly not parsed (images, 404s, redirects out of scope) between
 * HTML pages, through a parse backlog of one page: the downloads that wait for the backlog must
 * all start, whatever the downloads let in before them turned out to be. With a backlog that only
 * a parsed page could wake, the first waiting download whose answer was an image left every
 * later one waiting for good, and the fetcher stopped.
 */
@MicronautTest
class MixedAnswersTest extends RunningFetcherTest {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("fetcher.max-parse-backlog", "1");
    }

    @Test
    void everyTaskSettlesWhateverTheAnswersBeforeItWere() {
        try (TestSite site = TestSite.tree(3, 3)
                .route(
                        "/img/",
                        SiteRoutes.fixed(200, "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>", Map.of()))
                .route("/gone/", SiteRoutes.fixed(404, "text/html", "<p>gone</p>", Map.of()))
                .route("/away/", SiteRoutes.redirect(301, "http://127.0.0.2:9/elsewhere"))
                .start()) {
            UUID job = tasks.job(FetchTasks.settings(site, 0, 16, 10_000));
            List<String> urls = new ArrayList<>();
            List<String> pages = site.pathsUpToDepth(3).stream().sorted().toList();
            for (int i = 0; i < pages.size(); i++) {
                urls.add(site.url(pages.get(i)));
                urls.add(site.url("/img/" + i + ".svg"));
                urls.add(site.url("/gone/" + i));
                urls.add(site.url("/away/" + i));
                urls.add(site.url("/img/" + i + "-b.svg"));
            }
            urls.forEach(url -> tasks.fetch(job, url, 1));

            Map<String, LinksDiscovered> settled = tasks.awaitLinks(job, urls.size());

            Map<FetchOutcome, Long> outcomes = settled.values().stream()
                    .collect(Collectors.groupingBy(LinksDiscovered::outcome, Collectors.counting()));
            assertEquals(
                    Map.of(
                            FetchOutcome.FETCHED, (long) pages.size(),
                            FetchOutcome.SKIPPED, 4L * pages.size() - pages.size(),
                            FetchOutcome.FAILED, (long) pages.size()),
                    outcomes,
                    "images and redirects out of scope skip, 404s fail");
            assertEquals(
                    urls.stream().sorted().toList(),
                    settled.keySet().stream().sorted().toList());
        }
    }
}
