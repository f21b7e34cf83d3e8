package io.simplecrawler.exporter.results;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sections of a crawled site from its URL paths: a host, then its folders, each with the
 * number of pages below it. A page counts for every folder on its path; its own last segment
 * is a page, not a section. Written as a nested Markdown list, the biggest sections first,
 * {@value #MAX_LEVELS} levels deep and {@value #MAX_CHILDREN} sections per level at most.
 */
final class SectionTree {
    static final int MAX_LEVELS = 4;
    static final int MAX_CHILDREN = 15;

    private final Node root = new Node("");

    private static final class Node {
        final String name;
        final Map<String, Node> children = new TreeMap<>();
        int pages;

        Node(String name) {
            this.name = name;
        }

        Node child(String name) {
            return children.computeIfAbsent(name, Node::new);
        }
    }

    void add(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (uri.getHost() == null) {
            return;
        }
        Node node = root.child(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        root.pages++;
        node.pages++;
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segments = path.split("/", -1);
        // the last segment is the page itself ("" for a folder's index)
        for (int i = 1; i < segments.length - 1; i++) {
            if (!segments[i].isEmpty()) {
                node = node.child(segments[i] + "/");
                node.pages++;
            }
        }
    }

    int pages() {
        return root.pages;
    }

    void write(Writer out) throws IOException {
        writeChildren(out, root, 0);
    }

    private static void writeChildren(Writer out, Node node, int level) throws IOException {
        if (level == MAX_LEVELS) {
            return;
        }
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparingInt((Node child) -> -child.pages).thenComparing(child -> child.name));
        String indent = "  ".repeat(level);
        for (Node child : children.subList(0, Math.min(MAX_CHILDREN, children.size()))) {
            out.write(indent + "- `" + child.name + "` (" + child.pages + (child.pages == 1 ? " page" : " pages")
                    + ")\n");
            writeChildren(out, child, level + 1);
        }
        if (children.size() > MAX_CHILDREN) {
            out.write(indent + "- and " + (children.size() - MAX_CHILDREN) + " more sections\n");
        }
    }
}
