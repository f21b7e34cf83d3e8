/**
 * A Kafka Streams application as the pipeline's services run one (the frontier, the analytics):
 * the settings they share ({@link io.simplecrawler.streams.StreamsSettings}) and what becomes of
 * a stream thread that fails ({@link io.simplecrawler.streams.ThreadReplacement}). The topologies
 * and their stores are each service's own.
 */
package io.simplecrawler.streams;
