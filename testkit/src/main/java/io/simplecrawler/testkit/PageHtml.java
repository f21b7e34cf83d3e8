package io.simplecrawler.testkit;

import java.util.List;

/**
 * The HTML of one generated page. Child links alternate between absolute, root-relative and
 * path-relative hrefs so that a crawler has to resolve all three; every page also links back to
 * "/", to itself with a fragment, to a mailto: address and to a page on another host.
 */
final class PageHtml {
    private PageHtml() {}

    static String render(
            String path,
            int depth,
            List<String> children,
            List<String> extraLinks,
            String baseUrl,
            String otherHostUrl) {
        StringBuilder html = new StringBuilder(2048)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Page ")
                .append(path)
                .append("</title>\n</head>\n<body>\n")
                .append("<h1>Page ")
                .append(path)
                .append("</h1>\n")
                .append("<p>This is page <code>")
                .append(path)
                .append("</code> at depth ")
                .append(depth)
                .append(" of a generated test site.</p>\n")
                .append(
                        "<p>It links to its children, back home, to itself, to an e-mail address and to another host.</p>\n")
                .append("<ul>\n");
        for (int i = 0; i < children.size(); i++) {
            String child = children.get(i);
            html.append("<li><a href=\"")
                    .append(href(i, path, child, baseUrl))
                    .append("\">Child ")
                    .append(child)
                    .append("</a></li>\n");
        }
        for (String extra : extraLinks) {
            html.append("<li><a href=\"")
                    .append(extra)
                    .append("\">Extra ")
                    .append(extra)
                    .append("</a></li>\n");
        }
        return html.append("</ul>\n")
                .append("<p><a href=\"/\">Home</a> | <a href=\"")
                .append(path)
                .append("#details\">Details</a> | ")
                .append("<a href=\"mailto:webmaster@example.org\">Mail us</a> | ")
                .append("<a href=\"")
                .append(otherHostUrl)
                .append("\">Elsewhere</a></p>\n")
                .append("<h2 id=\"details\">Details</h2>\n")
                .append("<p>Generated content for ")
                .append(path)
                .append(". Nothing here changes between requests.</p>\n")
                .append("</body>\n</html>\n")
                .toString();
    }

    private static String href(int index, String parent, String child, String baseUrl) {
        return switch (index % 3) {
            case 0 -> baseUrl + child;
            case 1 -> child;
                // relative to the parent's URL: from "/n2", "n2/n1" resolves to "/n2/n1"
            default -> {
                String lastSegment = parent.substring(parent.lastIndexOf('/') + 1);
                yield lastSegment.isEmpty() ? child.substring(1) : lastSegment + child.substring(parent.length());
            }
        };
    }
}
