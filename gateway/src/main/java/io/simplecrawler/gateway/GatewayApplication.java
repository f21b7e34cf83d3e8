package io.simplecrawler.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "SimpleCrawler",
                        version = "0.1",
                        description = "Submit crawl jobs, follow their progress, download their results."))
public class GatewayApplication {
    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
