package io.simplecrawler.exporter.pages;

import io.simplecrawler.schemas.PageRecord;
import java.util.UUID;

/** The identity of a page record: the exporter writes each (job, URL) once. */
record PageKey(UUID jobId, String url) {
    static PageKey of(PageRecord page) {
        return new PageKey(page.jobId(), page.url());
    }
}
