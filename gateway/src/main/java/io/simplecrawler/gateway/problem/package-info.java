/** Every 4xx and 5xx answer as {@code application/problem+json} (RFC 9457). */
package io.simplecrawler.gateway.problem;
