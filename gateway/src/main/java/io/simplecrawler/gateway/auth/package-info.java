/**
 * API keys and job ownership. With no keys configured ({@code SIMPLECRAWLER_API_KEYS} unset and
 * no key made with {@code make api-key}) the API is open to one user; otherwise every endpoint
 * but /health, /docs and /openapi.yml needs a key, each job belongs to the key that made it, and
 * other keys (admin keys aside) are told it does not exist.
 */
package io.simplecrawler.gateway.auth;
