package io.simplecrawler.gateway.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /openapi.yml}, the document micronaut-openapi generates from the controllers, and
 * {@code GET /docs}, Swagger UI reading it (its scripts are served under /swagger-ui/res).
 */
@Controller
public class DocsController {
    static final String OPENAPI = "classpath:META-INF/swagger/simplecrawler-0.1.yml";
    static final String SWAGGER_UI = "classpath:META-INF/swagger/views/swagger-ui/index.html";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final ResourceResolver resources;

    DocsController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Operation(summary = "This OpenAPI document")
    @Get("/openapi.yml")
    HttpResponse<StreamedFile> openApi() {
        return serve(OPENAPI, YAML);
    }

    @Operation(summary = "Swagger UI for this API")
    @Get("/docs")
    HttpResponse<StreamedFile> swaggerUi() {
        return serve(SWAGGER_UI, MediaType.TEXT_HTML_TYPE);
    }

    private HttpResponse<StreamedFile> serve(String resource, MediaType type) {
        return resources
                .getResource(resource)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(type))
                .orElseGet(HttpResponse::notFound);
    }
}
