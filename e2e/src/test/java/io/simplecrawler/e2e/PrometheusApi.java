package io.simplecrawler.e2e;

import java.util.List;
import java.util.Map;

/** Reads answers of Prometheus's HTTP API: {@code {"status": "success", "data": {...}}}. */
final class PrometheusApi {
    private PrometheusApi() {}

    /** {@code data.<field>}, a list of objects, e.g. the activeTargets of /api/v1/targets. */
    static List<Map<String, Object>> list(String body, String field) {
        return listOf(map(CrawlApi.json(body).get("data")).get(field));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
