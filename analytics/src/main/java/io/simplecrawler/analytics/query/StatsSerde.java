package io.simplecrawler.analytics.query;

import io.micronaut.serde.annotation.SerdeImport;
import io.simplecrawler.schemas.PageStats;

/** Lets the API answer with the contract's {@link PageStats} as it is. */
@SerdeImport(PageStats.class)
final class StatsSerde {
    private StatsSerde() {}
}
