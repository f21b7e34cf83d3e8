package io.simplecrawler.gateway.firecrawl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;

/** Firecrawl's crawl routes, v2 and v1 (the same but for the request's field names). */
@Controller
@Tag(name = "Firecrawl-compatible", description = "Firecrawl's API on SimpleCrawler's jobs (see the README)")
class FirecrawlCrawlController {
    private static final String V1 = "v1";
    private static final String V2 = "v2";

    private final FirecrawlBodies bodies;
    private final FirecrawlCrawls crawls;

    FirecrawlCrawlController(FirecrawlBodies bodies, FirecrawlCrawls crawls) {
        this.bodies = bodies;
        this.crawls = crawls;
    }

    /** Starts a crawl job, as {@code POST /crawl} would (Firecrawl v2's fields). */
    @Post("/v2/crawl")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CrawlBodyV2.class)))
    FirecrawlAnswers.CrawlStarted startV2(HttpRequest<?> http, @Body JsonNode body) {
        return crawls.start(http, bodies.read(body, CrawlBodyV2.class).asked(), V2);
    }

    /** Starts a crawl job, as {@code POST /crawl} would (Firecrawl v1's fields). */
    @Post("/v1/crawl")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CrawlBodyV1.class)))
    FirecrawlAnswers.CrawlStarted startV1(HttpRequest<?> http, @Body JsonNode body) {
        return crawls.start(http, bodies.read(body, CrawlBodyV1.class).asked(), V1);
    }

    /** The crawl's status and its documents from {@code skip} on; {@code next} names the following ones. */
    @Get(uris = {"/v2/crawl/{id}", "/v1/crawl/{id}"})
    CrawlStatus status(
            HttpRequest<?> http,
            UUID id,
            @QueryValue(defaultValue = "0") @Min(0) int skip,
            @QueryValue @Nullable @Min(1) @Max(10_000) Integer limit) {
        return crawls.status(http, id, skip, limit, version(http));
    }

    /** Cancels the crawl; the documents written so far stay readable. */
    @Delete(uris = {"/v2/crawl/{id}", "/v1/crawl/{id}"})
    FirecrawlAnswers.CrawlCancelled cancel(HttpRequest<?> http, UUID id) {
        return crawls.cancel(http, id);
    }

    /** The crawl's failed pages and the URLs robots.txt kept it from. */
    @Get(uris = {"/v2/crawl/{id}/errors", "/v1/crawl/{id}/errors"})
    CrawlErrors errors(HttpRequest<?> http, UUID id) {
        return crawls.errors(http, id);
    }

    /** The caller's pending and running crawls. */
    @Get(uris = {"/v2/crawl/active", "/v1/crawl/active"})
    FirecrawlAnswers.ActiveCrawls active(HttpRequest<?> http) {
        return crawls.active(http);
    }

    private static String version(HttpRequest<?> http) {
        return http.getPath().startsWith("/" + V1 + "/") ? V1 : V2;
    }
}
