package io.simplecrawler.renderer.render;

/** A page the browser could not render, with the reason the page record gets. */
class RenderFailure extends Exception {
    RenderFailure(String reason) {
        super(reason);
    }
}
