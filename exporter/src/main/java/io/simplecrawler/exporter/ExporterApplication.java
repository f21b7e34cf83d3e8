package io.simplecrawler.exporter;

import io.micronaut.runtime.Micronaut;

public class ExporterApplication {
    public static void main(String[] args) {
        Micronaut.run(ExporterApplication.class, args);
    }
}
