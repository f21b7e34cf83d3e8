package io.simplecrawler.fetcher.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.simplecrawler.fetcher.RunningFetcherTest;
import io.simplecrawler.schemas.FetchOutcome;
import io.simplecrawler.schemas.JobSettings;
import io.simplecrawler.schemas.OutputFormat;
import io.simplecrawler.schemas.PageRecord;
import io.simplecrawler.testkit.SiteRoutes;
import io.simplecrawler.testkit.TestSite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard with a fetcher that may reach 127.0.0.2 only: the "secret" site on 127.0.0.1
 * stands for an internal service, and its request log shows that no request ever reached it.
 */
@MicronautTest
class NetworkGuardTest extends RunningFetcherTest {
    private static final String LOOPBACK_DENIED = "address 127.0.0.1 is in the loopback network 127.0.0.0/8";

    private TestSite secret;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("simplecrawler.allowed-networks", "127.0.0.2/32");
    }

    @BeforeEach
    void startSecret() {
        secret = TestSite.tree(1, 1).robotsTxt("User-agent: *\nAllow: /\n").start();
    }

    @AfterEach
    void stopSecret() {
        secret.close();
    }

    /** Any host counts as in scope, so that only the guard stands between the job and the secret site. */
    private static JobSettings settings(String seed, boolean respectRobots, boolean useSitemap) {
        return new JobSettings(
                seed,
                100,
                3,
                OutputFormat.MARKDOWN,
                0,
                4,
                5000,
                List.of(),
                List.of(),
                false,
                true,
                useSitemap,
                respectRobots,
                0,
                false);
    }

    @Test
    void aLinkToADeniedAddressIsBlockedNamingTheRuleAndNeverRequested() {
        try (TestSite site = TestSite.tree(1, 1).address("127.0.0.2").start()) {
            UUID job = tasks.job(settings(site.url("/"), false, false));
            tasks.fetch(job, secret.url("/secret"), 1);

            PageRecord page = tasks.awaitPages(job, 1).get(secret.url("/secret"));

            assertEquals(FetchOutcome.BLOCKED, page.outcome());
            assertEquals(
                    "blocked by the network policy (SSRF guard): " + LOOPBACK_DENIED
                            + " (allow it with SIMPLECRAWLER_ALLOWED_NETWORKS)",
                    page.error());
            assertEquals(0, secret.requestCount());
        }
    }

    @Test
    void aRedirectToADeniedAddressIsBlockedAndNeverRequested() {
        try (TestSite site = TestSite.tree(1, 1)
                .address("127.0.0.2")
                .route("/go", exchange -> SiteRoutes.redirect(302, secret.url("/secret"))
                        .handle(exchange))
                .start()) {
            UUID job = tasks.job(settings(site.url("/"), true, false));
            tasks.fetch(job, site.url("/go"), 1);

            PageRecord page = tasks.awaitPages(job, 1).get(site.url("/go"));

            assertEquals(FetchOutcome.BLOCKED, page.outcome());
            assertTrue(page.error().contains("SSRF guard") && page.error().contains(LOOPBACK_DENIED), page.error());
            assertEquals(List.of(secret.url("/secret")), page.redirects());
            assertEquals(1, site.requestCount("/go"));
            assertEquals(0, secret.requestCount(), "neither robots.txt nor the page was asked for");
        }
    }

    @Test
    void aSeedWhoseNameResolvesToADeniedAddressIsBlockedWithTheLookupInItsReason() {
        String seed = "http://localhost:" + secret.port() + "/";
        UUID job = tasks.job(settings(seed, true, true));
        tasks.fetch(job, seed, 0);

        PageRecord page = tasks.awaitPages(job, 1).get(seed);

        assertEquals(FetchOutcome.BLOCKED, page.outcome());
        assertTrue(page.error().contains("(SSRF guard): localhost resolves to "), page.error());
        assertTrue(page.error().contains("loopback"), page.error());
        assertEquals(0, secret.requestCount());
    }

    @Test
    void robotsTxtAndSitemapsAtDeniedAddressesAreNotRequested() {
        try (TestSite site = TestSite.tree(1, 1)
                        .address("127.0.0.2")
                        .robotsTxt("User-agent: *\nAllow: /\nSitemap: " + secret.url("/sitemap.xml") + "\n")
                        .start();
                TestSite redirectingRobots = TestSite.tree(1, 1)
                        .address("127.0.0.2")
                        .route("/robots.txt", exchange -> SiteRoutes.redirect(301, secret.url("/robots.txt"))
                                .handle(exchange))
                        .start()) {
            UUID job = tasks.job(settings(site.url("/"), true, true));
            tasks.fetch(job, site.url("/"), 0);
            UUID other = tasks.job(settings(redirectingRobots.url("/"), true, false));
            tasks.fetch(other, redirectingRobots.url("/"), 0);

            assertEquals(
                    FetchOutcome.FETCHED,
                    tasks.awaitPages(job, 1).get(site.url("/")).outcome());
            assertEquals(List.of(), tasks.awaitLinks(job, 1).get(site.url("/")).sitemapLinks());
            PageRecord behindRobots = tasks.awaitPages(other, 1).get(redirectingRobots.url("/"));
            assertEquals(FetchOutcome.BLOCKED, behindRobots.outcome());
            assertTrue(
                    behindRobots
                            .error()
                            .startsWith("robots.txt unavailable: blocked by the network policy (SSRF guard): "
                                    + LOOPBACK_DENIED),
                    behindRobots.error());
            assertEquals(0, secret.requestCount());
        }
    }
}
