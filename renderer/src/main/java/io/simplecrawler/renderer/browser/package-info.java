/** Chromium's flags and the renderer's browsers: one per rendering thread, restarted after a crash or every N pages. */
package io.simplecrawler.renderer.browser;
