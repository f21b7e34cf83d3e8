/** Result files of completed jobs, read from the results folder the exporter writes. */
package io.simplecrawler.gateway.results;
