package net.nym.tokenomics.simulator.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import net.nym.tokenomics.simulator.Simulator;
import net.nym.tokenomics.simulator.api.Api;
import net.nym.tokenomics.simulator.api.Routes;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nym-api compatibility suite of issue 16: every nym-api (and mixnet contract) route this system serves, asked
 * through the local gateway as Nym's explorer, node-status API and scripts ask it, and each answer validated against
 * a JSON Schema written from nym-api's and the contract's Rust types (field names, JSON types, required fields), with
 * a maintained validator (networknt json-schema-validator, draft 2020-12).
 *
 * <p>The cases are data: {@code src/test/resources/nym-api-compat/cases-*.tsv} (network, method, path, status,
 * schema) and {@code schemas/*.schema.json}; {@code docs/nym-api-compatibility.md} says how to add one. Every case
 * whose network is {@code empty} is asked before anything is bonded; then the simulator seeds a small network through
 * the services' public APIs (bonded nodes of every role, delegations, monitor results, tickets, three closed epochs)
 * and every {@code seeded} case is asked. A never-bonded node id ({@code {unbonded}}) is asked on both.
 */
class NymApiCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RESOURCES = "nym-api-compat/";
    private static final long UNBONDED = 999_999;
    private static final String UNBONDED_ACCOUNT = "n1neverbondedaccount";

    private static Path keys;
    private static ServiceProcesses system;
    private static LocalGateway gateway;

    /** One line of a cases file. */
    record Case(String file, int line, String network, String method, String path, int status, String schema) {
        String where() {
            return file + ":" + line;
        }
    }

    /** What a case got. */
    record Outcome(Case c, String path, int status, List<String> problems) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    @BeforeAll
    static void startTheSystemBehindTheGateway() throws Exception {
        keys = Files.createTempDirectory("nym-api-compat-keys");
        SystemRuns.writeLocalKeys(keys);
        String monitor = new Ed25519Identity(HexFormat.of().parseHex(Files.readString(keys.resolve("monitor.seed")).trim()))
                .publicKeyBase58();
        Path genesis = Simulator.genesis(networkConfig()).write(keys.resolve("genesis.json"));
        Map<String, Map<String, String>> props = Map.of(
                "*", Map.of("mp.jwt.verify.publickey.location", keys.resolve("jwt-public.pem").toUri().toString(),
                        "mp.jwt.verify.issuer", "nym-tokenomics"),
                "performance", Map.of("performance.submission.allowed-signers", monitor),
                "selection", Map.of("selection.clock.mode", "MANUAL",
                        "selection.clock.epochs-in-interval", String.valueOf(SystemRuns.EPOCHS_IN_INTERVAL)),
                "rewards", Map.of("rewards.genesis.epochs-in-interval", String.valueOf(SystemRuns.EPOCHS_IN_INTERVAL),
                        "rewards.genesis.entry-gateways", "2", "rewards.genesis.exit-gateways", "2",
                        "rewards.genesis.mixnodes", "6", "rewards.genesis.standby", "2",
                        "rewards.genesis.file", genesis.toString()));
        system = new ServiceProcesses(SystemRuns.REPO, 19510, props);
        system.startAll();
        gateway = new LocalGateway(SystemRuns.REPO, system, "100r/s", 300);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (system != null) {
            system.close();
        }
    }

    /** The seeded network: a few nodes of every role, delegators, tickets; the simulator's seeded random draws. */
    private static Map<String, String> networkConfig() {
        Map<String, String> cfg = Simulator.defaults();
        cfg.putAll(Map.of("nodes", "16", "delegators", "8", "epochs", "3", "tickets", "5", "seed", "1616",
                "keys", keys.toString(), "genesis", keys.resolve("genesis.json").toString()));
        return cfg;
    }

    @Test
    void everyNymApiRouteAnswersInNymApisShapeOnAnEmptyAndASeededNetwork() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).as("cases in " + RESOURCES + "cases-*.tsv").isNotEmpty();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        List<Outcome> outcomes = new ArrayList<>();

        Map<String, String> empty = placeholdersOfAnEmptyNetwork();
        for (Case c : cases) {
            if (c.network().equals("empty")) {
                outcomes.add(ask(registry, c, empty));
            }
        }

        seed();
        Map<String, String> seeded = placeholdersOfTheSeededNetwork();
        for (Case c : cases) {
            if (c.network().equals("seeded")) {
                outcomes.add(ask(registry, c, seeded));
            }
        }

        for (Outcome o : outcomes) {
            System.out.printf("[nym-api-compat] %-4s %-7s %-70s %d %s%n", o.passed() ? "ok" : "FAIL", o.c().network(),
                    o.path(), o.status(), o.passed() ? o.c().schema() : String.join("; ", o.problems()));
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        System.out.printf("[nym-api-compat] %d cases (%d on an empty network, %d seeded), %d in nym-api's shape, %d failed%n",
                outcomes.size(), outcomes.stream().filter(o -> o.c().network().equals("empty")).count(),
                outcomes.stream().filter(o -> o.c().network().equals("seeded")).count(), outcomes.size() - failed, failed);
        assertThat(outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.c().where() + " " + o.c().method() + " " + o.path() + ": " + String.join("; ", o.problems())))
                .as("cases answered otherwise than nym-api").isEmpty();
    }

    private static Outcome ask(SchemaRegistry registry, Case c, Map<String, String> placeholders) throws Exception {
        String path = resolve(c.path(), placeholders);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        HttpRequest request = c.method().equals("GET") ? b.GET().build()
                : b.method(c.method(), HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        List<String> problems = new ArrayList<>();
        if (r.statusCode() != c.status()) {
            problems.add("status " + r.statusCode() + ", expected " + c.status() + " (" + abbreviate(r.body()) + ")");
        }
        if (!c.schema().equals("-") && r.statusCode() == c.status()) {
            Schema schema = registry.getSchema(SchemaLocation.of(schemaUri(c.schema())));
            try {
                List<Error> errors = schema.validate(r.body(), InputFormat.JSON);
                for (Error e : errors) {
                    problems.add(c.schema() + ": " + e.getInstanceLocation() + " " + e.getMessage());
                }
            } catch (RuntimeException e) {
                problems.add(c.schema() + ": the body is not JSON (" + abbreviate(r.body()) + "): " + e.getMessage());
            }
        }
        return new Outcome(c, path, r.statusCode(), problems);
    }

    /** A schema on the test class path (a relative {@code $ref} in it is resolved there too). */
    private static String schemaUri(String name) {
        String resource = RESOURCES + "schemas/" + name + ".schema.json";
        if (NymApiCompatibilityTest.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("no schema " + resource);
        }
        return "classpath:" + resource;
    }

    private static String resolve(String path, Map<String, String> placeholders) {
        String out = path;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            out = out.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (out.matches(".*\\{[a-z_]+}.*")) {
            throw new IllegalStateException("unknown placeholder in " + path);
        }
        return out;
    }

    /** Before anything is bonded, every placeholder names what was never bonded. */
    private static Map<String, String> placeholdersOfAnEmptyNetwork() {
        Map<String, String> p = new LinkedHashMap<>();
        String neverBonded = new Ed25519Identity(new byte[32]).publicKeyBase58();
        p.put("mixnode", String.valueOf(UNBONDED));
        p.put("gateway", String.valueOf(UNBONDED));
        p.put("unbonded", String.valueOf(UNBONDED));
        p.put("operator", UNBONDED_ACCOUNT);
        p.put("delegator", UNBONDED_ACCOUNT);
        p.put("identity", neverBonded);
        p.put("gateway_identity", neverBonded);
        p.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        return p;
    }

    /** A bonded mixnode with a delegation, its owner and a delegator, a bonded entry gateway: read from our own API. */
    private static Map<String, String> placeholdersOfTheSeededNetwork() throws Exception {
        JsonNode nodes = get("/v1/nodes?per_page=1000").path("items");
        JsonNode mixnode = null;
        JsonNode entry = null;
        for (JsonNode n : nodes) {
            JsonNode roles = n.path("roles");
            if (mixnode == null && roles.path("mixnode").asBoolean() && n.path("delegations").asInt() > 0) {
                mixnode = n;
            }
            if (entry == null && roles.path("entry").asBoolean()) {
                entry = n;
            }
        }
        assertThat(mixnode).as("a bonded mixnode with a delegation in the seeded network: " + nodes).isNotNull();
        assertThat(entry).as("a bonded entry gateway in the seeded network").isNotNull();
        JsonNode changes = get("/v1/nodes/" + mixnode.path("node_id").asLong() + "/delegation-history").path("items");
        assertThat(changes.size()).as("the mixnode's delegation history").isPositive();
        Map<String, String> p = placeholdersOfAnEmptyNetwork();
        p.put("mixnode", mixnode.path("node_id").asText());
        p.put("gateway", entry.path("node_id").asText());
        p.put("operator", mixnode.path("owner").asText());
        p.put("delegator", changes.get(0).path("owner").asText());
        p.put("identity", mixnode.path("identity_key").asText());
        p.put("gateway_identity", entry.path("identity_key").asText());
        return p;
    }

    /** The simulator's small network, run for three epochs against the services' public APIs. */
    private static void seed() throws Exception {
        Map<String, String> cfg = networkConfig();
        cfg.put("csv", keys.resolve("compat-" + system.run() + ".csv").toString());
        Map<String, String> bases = new TreeMap<>();
        for (String svc : ServiceProcesses.SERVICES) {
            bases.put(svc, system.baseUrl(svc));
        }
        List<Simulator.EpochRow> rows = new Simulator(cfg, new Api(new Routes(bases))).run();
        assertThat(rows).as("epochs the simulator closed").hasSize(3);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Every {@code cases-*.tsv} on the test class path, in file-name order. */
    static List<Case> cases() throws IOException, URISyntaxException {
        URL dir = NymApiCompatibilityTest.class.getClassLoader().getResource(RESOURCES);
        assertThat(dir).as(RESOURCES + " on the test class path").isNotNull();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            files = s.filter(f -> f.getFileName().toString().matches("cases-.*\\.tsv")).sorted().toList();
        }
        List<Case> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines;
            try (InputStream in = Files.newInputStream(f)) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                String where = f.getFileName() + ":" + (i + 1);
                if (cols.length != 5 || !(cols[0].equals("empty") || cols[0].equals("seeded")) || !cols[2].startsWith("/")
                        || !cols[3].matches("[1-5][0-9][0-9]")) {
                    throw new IllegalStateException(where + ": expected network<TAB>method<TAB>path<TAB>status<TAB>schema, got "
                            + line);
                }
                out.add(new Case(f.getFileName().toString(), i + 1, cols[0], cols[1], cols[2], Integer.parseInt(cols[3]),
                        cols[4]));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
