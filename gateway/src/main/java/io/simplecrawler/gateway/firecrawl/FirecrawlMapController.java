package io.simplecrawler.gateway.firecrawl;

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

/** Firecrawl's map routes: a site's URLs from its sitemaps and its seed page's links, no job. */
@Controller
@Tag(name = "Firecrawl-compatible")
@ExecuteOn(TaskExecutors.BLOCKING)
class FirecrawlMapController {
    private final FirecrawlBodies bodies;
    private final FirecrawlMaps maps;

    FirecrawlMapController(FirecrawlBodies bodies, FirecrawlMaps maps) {
        this.bodies = bodies;
        this.maps = maps;
    }

    /** The site's URLs, with the seed page's title and the links' texts. */
    @Post("/v2/map")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MapBodyV2.class)))
    FirecrawlAnswers.Mapped mapV2(@Body JsonNode body) {
        return new FirecrawlAnswers.Mapped(
                true, maps.map(bodies.read(body, MapBodyV2.class).asked()));
    }

    /** The site's URLs, as strings. */
    @Post("/v1/map")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MapBodyV1.class)))
    FirecrawlAnswers.MappedV1 mapV1(@Body JsonNode body) {
        return new FirecrawlAnswers.MappedV1(
                true,
                maps.map(bodies.read(body, MapBodyV1.class).asked()).stream()
                        .map(MapLink::url)
                        .toList());
    }
}
