package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing table in README.md is the specification of the public surface: each row's example path must reach
 * exactly its service through the HTTPRoutes of each overlay (no other service may match it, so the result does not
 * depend on an implementation's precedence between Exact, PathPrefix and RegularExpression), every match in the
 * HTTPRoutes must be a row of the table, and paths that are not in it (management endpoints, malformed ids) must
 * reach nothing.
 */
class RoutingTableTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    record Row(String service, String type, String pattern, String example) {
    }

    record Match(String service, String type, String value, String route) {
        boolean matches(String path) {
            return switch (type) {
                case "Exact" -> path.equals(value);
                case "PathPrefix" -> {
                    String prefix = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                    yield prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
                }
                case "RegularExpression" -> Pattern.compile(value).matcher(path).matches();
                default -> throw new AssertionError("unknown path match type " + type);
            };
        }
    }

    /** Paths the gateway must not route anywhere. */
    private static final List<String> UNROUTED = List.of(
            "/q/metrics", "/q/health/ready", "/q/openapi", "/", "/v1", "/v1/epochs", "/v1/epochs/abc/rewards",
            "/v1/epochs/12/unknown", "/v1/epochs/12/rewarded-set/extra", "/v1/nym-nodes", "/v1/nym-nodes/unknown/1",
            "/v1/gateways/abc", "/v1/status/submit-node-monitoring-results/x", "/v1/nodesx", "/v1/admin", "/v1/ticketsx");

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyExamplePathReachesExactlyItsService(String overlay) throws Exception {
        List<Match> matches = matches(Manifests.overlay(overlay));
        List<Row> table = table();
        assertThat(table).hasSizeGreaterThanOrEqualTo(20);
        for (Row row : table) {
            Set<String> services = new TreeSet<>();
            matches.stream().filter(m -> m.matches(row.example())).forEach(m -> services.add(m.service()));
            assertThat(services).as("services matching %s", row.example()).containsExactly(row.service());
            assertThat(matches).as("route match %s %s for %s", row.type(), row.pattern(), row.service())
                    .anyMatch(m -> m.service().equals(row.service()) && m.type().equals(row.type()) && m.value().equals(row.pattern()));
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyRouteMatchIsARowOfTheTable(String overlay) throws Exception {
        Set<String> documented = new HashSet<>();
        table().forEach(r -> documented.add(r.service() + " " + r.type() + " " + r.pattern()));
        for (Match m : matches(Manifests.overlay(overlay))) {
            assertThat(documented).as("HTTPRoute %s match %s %s is not in the README routing table", m.route(), m.type(), m.value())
                    .contains(m.service() + " " + m.type() + " " + m.value());
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void managementAndMalformedPathsReachNothing(String overlay) {
        List<Match> matches = matches(Manifests.overlay(overlay));
        for (String path : UNROUTED) {
            assertThat(matches).as("routes matching %s", path).noneMatch(m -> m.matches(path));
        }
    }

    @Test
    void prefixMatchesAreElementWise() {
        Match tickets = new Match("ticket-ledger-service", "PathPrefix", "/v1/tickets", "t");
        assertThat(tickets.matches("/v1/tickets")).isTrue();
        assertThat(tickets.matches("/v1/tickets/abc")).isTrue();
        assertThat(tickets.matches("/v1/ticketsx")).isFalse();
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void routesAttachToTheGatewayAndPointAtExistingServicePorts(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        ObjectNode gateway = Manifests.named(all, "Gateway", "nym-api");
        Set<String> listeners = new HashSet<>();
        gateway.path("spec").path("listeners").forEach(l -> listeners.add(l.path("name").asText()));
        for (ObjectNode route : Manifests.ofKind(all, "HTTPRoute")) {
            for (JsonNode parent : route.path("spec").path("parentRefs")) {
                assertThat(parent.path("name").asText()).isEqualTo("nym-api");
                assertThat(listeners).contains(parent.path("sectionName").asText());
            }
            for (JsonNode rule : route.path("spec").path("rules")) {
                for (JsonNode backend : rule.path("backendRefs")) {
                    ObjectNode service = Manifests.named(all, "Service", backend.path("name").asText());
                    assertThat(service.path("spec").path("ports").findValuesAsText("port")).as(Manifests.id(route))
                            .contains(backend.path("port").asText());
                }
            }
        }
    }

    /**
     * nym-api answers any origin: every rule of a public route carries the Gateway API CORS filter for any origin,
     * without credentials (README, "CORS"); admin routes carry none.
     */
    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void publicRoutesAnswerAnyOrigin(String overlay) {
        List<ObjectNode> routes = Manifests.ofKind(Manifests.overlay(overlay), "HTTPRoute");
        int publicRoutes = 0;
        for (ObjectNode route : routes) {
            boolean admin = "admin".equals(route.path("metadata").path("labels").path("nym.net/route-class").asText());
            publicRoutes += admin ? 0 : 1;
            for (JsonNode rule : route.path("spec").path("rules")) {
                List<JsonNode> cors = new ArrayList<>();
                rule.path("filters").forEach(f -> {
                    if ("CORS".equals(f.path("type").asText())) {
                        cors.add(f.path("cors"));
                    }
                });
                if (admin) {
                    assertThat(cors).as(Manifests.id(route)).isEmpty();
                    continue;
                }
                assertThat(cors).as(Manifests.id(route)).hasSize(1);
                JsonNode c = cors.getFirst();
                assertThat(c.path("allowOrigins").toString()).as(Manifests.id(route)).isEqualTo("[\"*\"]");
                assertThat(c.path("allowMethods").toString()).as(Manifests.id(route)).contains("\"GET\"", "\"POST\"");
                assertThat(c.path("allowCredentials").asBoolean(false)).as(Manifests.id(route)).isFalse();
            }
        }
        assertThat(publicRoutes).isGreaterThanOrEqualTo(4);
    }

    static List<Match> matches(List<ObjectNode> resources) {
        List<Match> out = new ArrayList<>();
        for (ObjectNode route : Manifests.ofKind(resources, "HTTPRoute")) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                assertThat(rule.path("backendRefs")).as(Manifests.id(route)).hasSize(1);
                String service = rule.path("backendRefs").get(0).path("name").asText();
                for (JsonNode m : rule.path("matches")) {
                    out.add(new Match(service, m.path("path").path("type").asText("PathPrefix"), m.path("path").path("value").asText("/"),
                            route.path("metadata").path("name").asText()));
                }
            }
        }
        return out;
    }

    /** Rows between the routing-table markers of README.md: | service | match | pattern | example path |. */
    static List<Row> table() throws Exception {
        String readme = Files.readString(Manifests.root().resolve("README.md"));
        int start = readme.indexOf("<!-- routing-table:start -->");
        int end = readme.indexOf("<!-- routing-table:end -->");
        assertThat(start).as("routing table markers in README.md").isNotNegative().isLessThan(end);
        List<Row> rows = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|--") || line.startsWith("| service")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            assertThat(cells).as(line).hasSizeGreaterThanOrEqualTo(5);
            rows.add(new Row(unquote(cells[1]), unquote(cells[2]), unquote(cells[3]), unquote(cells[4])));
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "").replace("\\|", "|");
    }
}
