/**
 * The web dashboard: {@code GET /} answers its page, and its static files are served from the
 * classpath folder {@code dashboard} under {@code /ui/} and the libraries' WebJars under
 * {@code /webjars/} (Micronaut static resources, application.yml). It is a client of the public
 * API and reads nothing else.
 */
package io.simplecrawler.gateway.dashboard;
