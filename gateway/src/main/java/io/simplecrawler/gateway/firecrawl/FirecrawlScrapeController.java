package io.simplecrawler.gateway.firecrawl;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Firecrawl's scrape routes, v2 and v1. */
@Controller
@Tag(name = "Firecrawl-compatible")
class FirecrawlScrapeController {
    private final FirecrawlBodies bodies;
    private final FirecrawlScrapes scrapes;

    FirecrawlScrapeController(FirecrawlBodies bodies, FirecrawlScrapes scrapes) {
        this.bodies = bodies;
        this.scrapes = scrapes;
    }

    /**
     * Scrapes one page through the pipeline (a job of one page) and answers its document. The body
     * is {@code url} and the fields of {@code scrapeOptions}.
     */
    @Post(uris = {"/v2/scrape", "/v1/scrape"})
    @ExecuteOn(TaskExecutors.BLOCKING)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScrapeOptions.class)))
    Mono<FirecrawlAnswers.Scraped> scrape(HttpRequest<?> http, @Body JsonNode body) {
        ScrapeBody scrape = ScrapeBody.split(body);
        return scrapes.scrape(http, scrape.url(), bodies.read(scrape.options(), ScrapeOptions.class));
    }
}
