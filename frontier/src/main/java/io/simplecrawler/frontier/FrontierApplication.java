package io.simplecrawler.frontier;

import io.micronaut.runtime.Micronaut;

public class FrontierApplication {
    public static void main(String[] args) {
        Micronaut.run(FrontierApplication.class, args);
    }
}
