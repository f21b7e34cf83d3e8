/**
 * The renderer service: renders the pages of {@code crawl.render} in headless Chromium (Debian's,
 * driven by Playwright) and settles each task like a fetcher, with one page record and one links
 * record made by the same parse as plain pages (module {@code pageparse}, {@code settlement}).
 *
 * <p>Features: {@code proxy} (the guarded forward proxy every connection of the browser goes
 * through), {@code browser} (Chromium's flags, one browser per slot, restarts), {@code render} (one
 * page in a fresh context, its limits, and the task's settlement), {@code kafka} (the consumer of
 * crawl.render). {@code proxy} is below {@code browser}, below {@code render}, below {@code kafka}.
 */
package io.simplecrawler.renderer;
