package io.simplecrawler.renderer;

import io.micronaut.runtime.Micronaut;

/** Starts the renderer service. */
public final class RendererApplication {
    private RendererApplication() {}

    public static void main(String[] args) {
        Micronaut.run(RendererApplication.class, args);
    }
}
