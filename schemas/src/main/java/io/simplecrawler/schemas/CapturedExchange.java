package io.simplecrawler.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request and its response as sent and received, for the job's WARC file. The
 * response body is kept up to a bound; what is cut off is flagged.
 *
 * @param uri             the requested URL
 * @param method          the request method
 * @param requestHeaders  the request's headers, by name
 * @param protocol        the response's protocol, e.g. {@code HTTP/1.1} or {@code HTTP/2}
 * @param status          the response's status code
 * @param responseHeaders the response's headers, by name, as received
 * @param body            the response body as received (Base64 in JSON), possibly cut short
 * @param truncated       whether the server sent more body than {@code body} holds
 */
public record CapturedExchange(
        @JsonProperty(required = true) String uri,
        @JsonProperty(required = true) String method,
        Map<String, List<String>> requestHeaders,
        String protocol,
        @JsonProperty(required = true) int status,
        Map<String, List<String>> responseHeaders,
        byte[] body,
        @JsonProperty(required = true) boolean truncated) {

    /** Compares the body by content, as for every other field. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CapturedExchange that
                && status == that.status
                && truncated == that.truncated
                && Objects.equals(uri, that.uri)
                && Objects.equals(method, that.method)
                && Objects.equals(requestHeaders, that.requestHeaders)
                && Objects.equals(protocol, that.protocol)
                && Objects.equals(responseHeaders, that.responseHeaders)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                uri, method, requestHeaders, protocol, status, responseHeaders, Arrays.hashCode(body), truncated);
    }

    @Override
    public String toString() {
        return "CapturedExchange[" + method + " " + uri + " -> " + protocol + " " + status + ", "
                + (body == null ? 0 : body.length) + " body bytes" + (truncated ? ", truncated]" : "]");
    }
}
