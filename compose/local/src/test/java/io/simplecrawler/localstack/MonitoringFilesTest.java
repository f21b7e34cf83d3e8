package io.simplecrawler.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code monitoring/}: the alert rules pass their unit tests ({@code promtool test rules}), both
 * Prometheus configurations pass {@code promtool check config} (the local one as {@code make
 * monitor} renders it, its targets file included), every expression of the rules and of the
 * Grafana dashboard names only metrics of the README's metrics table, and the dashboard is well
 * formed. promtool is Debian's prometheus package: without it the promtool checks are skipped,
 * loudly; the others still run.
 */
class MonitoringFilesTest {
    private static final Path REPO = PipelineProcesses.repoRoot();
    private static final Path MONITORING = REPO.resolve("monitoring");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z_:]+)` \\|", Pattern.MULTILINE);
    /** A name not followed by "(" (a function or aggregation); possessive, so "rate(" is never read as "rat". */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final List<String> SERIES_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

    @Test
    void theAlertRulesPassTheirUnitTests() {
        String output = promtool(
                "test",
                "rules",
                MONITORING.resolve("rules/simplecrawler.test.yml").toString());
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    void theComposeConfigurationAndTheLocalOneAsMakeMonitorRendersItAreValid(@TempDir Path run) throws IOException {
        String compose =
                promtool("check", "config", MONITORING.resolve("prometheus.yml").toString());
        assertTrue(compose.contains("SUCCESS: 6 rules found"), compose);

        LocalSettings settings = LocalSettings.from(
                REPO, Map.of("RUN_DIR", run.toString(), "NO_NGINX", "1", "PROMETHEUS_SCRAPE_INTERVAL", "1s")::get);
        Path conf = new LocalPrometheus(settings, Path.of("prometheus"))
                .writeConfig(List.of("gateway", "fetcher-1", "fetcher-2", "frontier", "exporter"));
        assertFalse(Files.readString(conf).contains("${"), "nothing left to fill in");
        JsonNode targets = new ObjectMapper()
                .readTree(run.resolve("prometheus/targets.json").toFile());
        assertEquals(5, targets.size());
        assertEquals("127.0.0.1:8080", targets.get(0).get("targets").get(0).asText());
        assertEquals("gateway", targets.get(0).get("labels").get("job").asText());
        assertEquals(
                "/management/prometheus",
                targets.get(0).get("labels").get("__metrics_path__").asText());
        assertEquals("127.0.0.1:8091", targets.get(2).get("targets").get(0).asText());
        assertEquals("fetcher", targets.get(2).get("labels").get("job").asText());
        assertEquals("fetcher-2", targets.get(2).get("labels").get("process").asText());
        assertEquals(
                "/prometheus",
                targets.get(2).get("labels").get("__metrics_path__").asText());
        String local = promtool("check", "config", conf.toString());
        assertTrue(local.contains("SUCCESS: 6 rules found"), local);
    }

    @Test
    void everyExpressionOfTheRulesAndTheDashboardNamesOnlyMetricsOfTheReadmeTable() throws IOException {
        Set<String> table = readmeMetrics();
        assertTrue(table.contains("simplecrawler_fetcher_pages_total") && table.size() > 20, table.toString());
        List<String> expressions = new ArrayList<>(ruleExpressions());
        assertEquals(6, expressions.size());
        dashboardPanels().forEach(panel -> panel.path("targets")
                .forEach(t -> expressions.add(t.path("expr").asText())));
        assertTrue(expressions.size() > 20, "the dashboard's queries are read");
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> names = metricNames(expression);
            assertFalse(names.isEmpty(), "no metric in " + expression);
            names.stream().filter(name -> !known(name, table)).forEach(name -> unknown.add(name + " in " + expression));
        }
        assertEquals(Set.of(), unknown, "metrics missing from the README's table");
    }

    @Test
    void theExpressionReaderFindsMetricsAndNothingElse() {
        assertEquals(
                Set.of("simplecrawler_fetcher_fetch_duration_seconds_bucket"),
                metricNames("histogram_quantile(0.95, sum by (le, host_class) "
                        + "(rate(simplecrawler_fetcher_fetch_duration_seconds_bucket{host_class=\"local\"}[5m])))"));
        assertEquals(Set.of("a_free_bytes", "a_size_bytes"), metricNames("1 - a_free_bytes / a_size_bytes > 0.9"));
        assertEquals(Set.of("up"), metricNames("up{job=~\"gateway|frontier\"} == 0"));
        assertFalse(known("simplecrawler_nothing_total", Set.of("simplecrawler_fetcher_pages_total")));
        assertTrue(known("x_seconds_bucket", Set.of("x_seconds")));
    }

    @Test
    void theDashboardShowsThroughputLagLatencyErrorsAndAJobsViewOnTheGrid() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(MONITORING.resolve("grafana/simplecrawler.json").toFile());
        assertFalse(dashboard.path("title").asText().isBlank());
        assertFalse(dashboard.path("uid").asText().isBlank());
        Set<String> variables = new HashSet<>();
        dashboard
                .path("templating")
                .path("list")
                .forEach(v -> variables.add(v.path("name").asText()));
        assertTrue(variables.containsAll(Set.of("datasource", "api", "crawl_job")), variables.toString());
        Set<Integer> ids = new HashSet<>();
        Set<String> rows = new LinkedHashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertFalse(title.isBlank(), "every panel has a title: " + panel);
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + title);
            JsonNode grid = panel.path("gridPos");
            int x = grid.path("x").asInt(-1);
            int w = grid.path("w").asInt(0);
            assertTrue(x >= 0 && w > 0 && x + w <= 24 && grid.path("h").asInt(0) > 0, title + " is on the grid");
            String type = panel.path("type").asText();
            if (type.equals("row")) {
                rows.add(title.split(" ")[0].replace(":", ""));
            } else if (!type.equals("text")) {
                assertEquals("prometheus", panel.path("datasource").path("type").asText(), title);
                assertTrue(panel.path("targets").size() > 0, title + " has a query");
                Set<String> refIds = new HashSet<>();
                panel.path("targets")
                        .forEach(t -> assertTrue(refIds.add(t.path("refId").asText()), title));
            }
        }
        assertTrue(
                rows.containsAll(Set.of("Pipeline", "Lag", "Latency", "Errors", "Jobs", "JVM", "Disk")),
                rows.toString());
        String text = dashboardPanels().stream()
                .filter(panel -> panel.path("type").asText().equals("text"))
                .map(panel -> panel.path("options").path("content").asText())
                .collect(Collectors.joining());
        assertTrue(text.contains("${api}/#/jobs/${crawl_job}"), "a job's view is linked: " + text);
    }

    /** The names of the README's metrics table (the rows of the section "Metrics and alerts"). */
    private static Set<String> readmeMetrics() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int start = readme.indexOf("\n## Metrics and alerts\n");
        assertTrue(start >= 0, "the README has a section Metrics and alerts");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher rows = TABLE_ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        Set<String> names = new HashSet<>();
        while (rows.find()) {
            names.add(rows.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(MONITORING.resolve("rules/simplecrawler.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    private static List<JsonNode> dashboardPanels() throws IOException {
        List<JsonNode> panels = new ArrayList<>();
        new ObjectMapper()
                .readTree(MONITORING.resolve("grafana/simplecrawler.json").toFile())
                .path("panels")
                .forEach(panels::add);
        return panels;
    }

    /** The metric names a PromQL expression reads: without strings, label matchers, ranges and grouping labels. */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            boolean partOfNumber = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!partOfNumber && !KEYWORDS.contains(matcher.group().toLowerCase(java.util.Locale.ROOT))) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /** In the table, or a series of a histogram or summary that is ({@code _bucket}, {@code _count} ...). */
    static boolean known(String name, Set<String> table) {
        return table.contains(name)
                || SERIES_SUFFIXES.stream()
                        .anyMatch(suffix -> name.endsWith(suffix)
                                && table.contains(name.substring(0, name.length() - suffix.length())));
    }

    /** Runs promtool, which must succeed; skips the calling test, loudly, where it is not installed. */
    private static String promtool(String... arguments) {
        boolean installed =
                ProgramPath.find(System::getenv, "PROMTOOL_BIN", "promtool").isPresent();
        if (!installed) {
            System.err.println("!!! MonitoringFilesTest: promtool is not installed (Debian's prometheus package; "
                    + "make test installs it when run as root): the promtool checks are SKIPPED !!!");
        }
        assumeTrue(installed, "promtool is not installed");
        try {
            List<String> command = new ArrayList<>(List.of("promtool"));
            command.addAll(List.of(arguments));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "promtool did not finish");
            assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
