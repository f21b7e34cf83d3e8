package io.simplecrawler.gateway.dashboard;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;

/** {@code GET /}: the dashboard's page; its scripts and styles come from /ui/ and /webjars/. */
@Controller
public class DashboardController {
    static final String PAGE = "classpath:dashboard/index.html";

    private final ResourceResolver resources;

    DashboardController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Hidden
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> page() {
        return resources
                .getResource(PAGE)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(MediaType.TEXT_HTML_TYPE))
                .orElseGet(HttpResponse::notFound);
    }
}
