package io.simplecrawler.localstack;

import java.util.List;

/**
 * The JVM flags of every JVM the stack starts (services, Kafka broker, stores): several of them
 * share two cores, so each is made to spend little CPU and memory on itself.
 */
final class SmallJvm {
    private SmallJvm() {}

    /**
     * The flags, with the heap's ceiling.
     *
     * <ul>
     *   <li>Serial GC, and a small initial heap (the default is 1/64 of the machine's memory) so that
     *       idle JVMs stay small.
     *   <li>The client compiler only ({@code TieredStopAtLevel=1}): the optimising compiler's work
     *       was most of the CPU of a fresh stack's first 1000-page job (48 ms of 21 ms per page,
     *       see README "Benchmark"), and its faster code did not pay it back within a 1000-page job.
     * </ul>
     */
    static List<String> flags(String maxHeap) {
        return List.of("-Xms32m", maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }
}
