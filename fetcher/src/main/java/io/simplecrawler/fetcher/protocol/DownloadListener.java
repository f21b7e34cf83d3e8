package io.simplecrawler.fetcher.protocol;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Turns one Jetty exchange into a {@link Download}: the body is read into a {@link BoundedBody}
 * while it streams in, and the exchange is aborted (its connection closed) as soon as the body
 * passes the limit the status and Content-Type call for, so no more than that is ever held.
 */
final class DownloadListener implements Response.Listener {
    private final BodyLimit limit;
    private final CompletableFuture<Download> download = new CompletableFuture<>();
    private volatile BoundedBody body;
    private volatile boolean cut;

    DownloadListener(BodyLimit limit) {
        this.limit = limit;
    }

    CompletableFuture<Download> download() {
        return download;
    }

    @Override
    public void onHeaders(Response response) {
        String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
        body = new BoundedBody(limit.bytesFor(response.getStatus(), ContentType.of(contentType)));
        if (body.wantsNothing()) {
            cut(response);
        }
    }

    @Override
    public void onContent(Response response, ByteBuffer chunk) {
        if (!cut && !body.add(chunk)) {
            cut(response);
        }
    }

    private void cut(Response response) {
        cut = true;
        response.abort(new CancellationException("enough of the body was read"));
    }

    @Override
    public void onComplete(Result result) {
        Response response = result.getResponse();
        if (body != null && (result.isSucceeded() || cut)) {
            HttpClient.Version version = response.getVersion() == HttpVersion.HTTP_2
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1;
            var request = result.getRequest();
            download.complete(new Download(
                    request.getURI(),
                    response.getStatus(),
                    headers(response.getHeaders()),
                    body.raw(),
                    new SentRequest(request.getURI(), headers(request.getHeaders()), version),
                    version));
        } else {
            download.completeExceptionally(result.getFailure());
        }
    }

    private static HttpHeaders headers(HttpFields fields) {
        // HttpHeaders refuses names that differ only in case, which HTTP lets a server send
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            map.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
