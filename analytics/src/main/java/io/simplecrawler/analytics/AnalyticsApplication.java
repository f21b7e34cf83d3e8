package io.simplecrawler.analytics;

import io.micronaut.runtime.Micronaut;

public class AnalyticsApplication {
    public static void main(String[] args) {
        Micronaut.run(AnalyticsApplication.class, args);
    }
}
