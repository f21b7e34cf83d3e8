package io.simplecrawler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTreeTest {
    private final PageTree tree = new PageTree(3, 2);

    @ParameterizedTest
    @CsvSource({
        "/, 0",
        "/n0, 1",
        "/n2/n1, 2",
        "/n3, -1",
        "/n1/n1/n1, -1",
        "/n01, -1",
        "/n1/, -1",
        "n1, -1",
        "/elsewhere, -1",
    })
    void depthOfAPath(String path, int depth) {
        assertEquals(depth < 0 ? OptionalInt.empty() : OptionalInt.of(depth), tree.depthOf(path));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 4", "2, 13", "9, 13"})
    void pathsUpToDepthCountsEveryLevel(int depth, int count) {
        assertEquals(count, tree.pathsUpToDepth(depth).size());
    }

    @Test
    void childrenOfInnerPagesOnly() {
        assertEquals(List.of("/n1/n0", "/n1/n1", "/n1/n2"), tree.children("/n1"));
        assertEquals(List.of(), tree.children("/n1/n0"));
    }
}
