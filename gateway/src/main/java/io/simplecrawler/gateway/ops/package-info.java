/** Operators' endpoints: health of the components the gateway depends on, and pipeline statistics. */
package io.simplecrawler.gateway.ops;
