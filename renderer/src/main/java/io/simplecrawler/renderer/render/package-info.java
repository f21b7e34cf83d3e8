/** One page rendered in a fresh browser context with its limits, and the render task's settlement. */
package io.simplecrawler.renderer.render;
