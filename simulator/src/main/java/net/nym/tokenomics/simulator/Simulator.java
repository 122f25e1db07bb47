package net.nym.tokenomics.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.simulator.api.Api;
import net.nym.tokenomics.simulator.identity.AccountTokens;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;
import net.nym.tokenomics.eventlog.signing.BondingMessage;
import net.nym.tokenomics.simulator.network.NetworkGenerator;
import net.nym.tokenomics.simulator.network.SimDelegation;
import net.nym.tokenomics.simulator.network.SimNode;
import net.nym.tokenomics.simulator.nodes.NodeEndpoints;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Drives the real services with a synthetic network, through the API gateway: bonds the nodes and delegations, serves
 * the nodes' self-described APIs, acts as the network monitor (signed submissions), as gateways redeeming tickets
 * (signed batches, with some replays and double spends) and as delegators; then runs epochs and prints, per epoch, the
 * rewarded set size, budget, distributed, unclaimed and pool, writing the same to a CSV file.
 *
 * <pre>
 * java -jar simulator/target/simulator-0.1.0-SNAPSHOT.jar keys .local-state/keys      # the monitor key (first start)
 * java -jar simulator/target/simulator-0.1.0-SNAPSHOT.jar run gateway=http://127.0.0.1:8080 nodes=60 epochs=12
 * </pre>
 */
public final class Simulator {

    private final Map<String, String> cfg;
    private final Api api;
    private final AccountTokens tokens;
    private final Ed25519Identity monitor;
    private final SplittableRandom random;
    private final Map<Integer, Long> nodeIds = new TreeMap<>();
    private final Map<Integer, Ed25519Identity> identities = new HashMap<>();
    private final List<String> spentSerials = new ArrayList<>();
    private final Map<String, Integer> serialGateway = new HashMap<>();
    private java.util.function.LongConsumer afterEpochEnded = epoch -> { };

    /** One epoch as the simulator saw it. Amounts are the services' decimal strings. */
    public record EpochRow(long epoch, int nextRewardedSetSize, String budget, String distributed, String unclaimed,
                           String rewardPool, int monitorResults, int tickets) { }

    public static Map<String, String> defaults() {
        return new LinkedHashMap<>(Map.of(
                "gateway", "http://127.0.0.1:8080", "nodes", "60", "delegators", "40", "epochs", "12", "seed", "42",
                "keys", ".local-state/keys", "csv", ".local-state/simulation.csv", "clock", "manual", "tickets", "20",
                "parallel", "1"));
    }

    /** A simulator talking to the services through {@code api}; {@code cfg} as {@link #defaults()}. */
    public Simulator(Map<String, String> cfg, Api api) throws Exception {
        this.cfg = cfg;
        Path keys = Path.of(cfg.get("keys"));
        this.api = api;
        this.tokens = new AccountTokens(keys.resolve("jwt-private.pem"));
        this.monitor = new Ed25519Identity(monitorSeed(keys));
        this.random = new SplittableRandom(Long.parseLong(cfg.get("seed")) ^ 0x5eed);
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        if (command.equals("keys")) {
            // Prints the network monitor's public key (base58), creating its seed on first use.
            System.out.println(new Ed25519Identity(monitorSeed(Path.of(args.length > 1 ? args[1] : ".local-state/keys"))).publicKeyBase58());
            return;
        }
        Map<String, String> cfg = defaults();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2 || !cfg.containsKey(kv[0])) {
                System.err.println("unknown argument '" + args[i] + "'; known: " + cfg.keySet());
                System.exit(2);
            }
            cfg.put(kv[0], kv[1]);
        }
        switch (command) {
            case "run" -> new Simulator(cfg, new Api(cfg.get("gateway"))).run();
            default -> {
                System.err.println("usage: simulator keys [dir] | simulator run [key=value ...]");
                System.exit(2);
            }
        }
    }

    /** The monitor's seed, created on first use and kept with the other local keys (never committed). */
    static byte[] monitorSeed(Path keys) throws Exception {
        Files.createDirectories(keys);
        Path file = keys.resolve("monitor.seed");
        if (!Files.exists(file)) {
            byte[] seed = new byte[32];
            new java.security.SecureRandom().nextBytes(seed);
            Files.writeString(file, HexFormat.of().formatHex(seed));
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return HexFormat.of().parseHex(Files.readString(file).trim());
    }

    /** Called right after the simulator ended an epoch, while the services work on it (tests use it to disturb them). */
    public Simulator afterEpochEnded(java.util.function.LongConsumer hook) {
        this.afterEpochEnded = hook;
        return this;
    }

    private String admin() {
        return tokens.bearer("n1admin", Instant.now().getEpochSecond(), "admin");
    }

    private String account(String address) {
        return tokens.bearer(address, Instant.now().getEpochSecond(), "account");
    }

    private static void say(String format, Object... args) {
        System.out.printf("[simulator] " + format + "%n", args);
        System.out.flush();
    }

    /** Sets the network up, then runs the configured number of epochs; returns what each epoch produced. */
    public List<EpochRow> run() throws Exception {
        int nodes = Integer.parseInt(cfg.get("nodes"));
        int epochs = Integer.parseInt(cfg.get("epochs"));
        var net = new NetworkGenerator(Long.parseLong(cfg.get("seed"))).generate(nodes, Integer.parseInt(cfg.get("delegators")), 3);
        long mix = net.nodes().stream().filter(SimNode::mixnode).count();
        long exit = net.nodes().stream().filter(SimNode::exit).count();
        say("network: %d nodes (%d mixnodes, %d entry-only gateways, %d exit gateways) run by %d operators; %d delegations by %d delegators",
                nodes, mix, nodes - mix - exit, exit, net.operators().size(), net.delegations().size(), net.delegators().size());

        for (String release : NetworkGenerator.RELEASES) {
            api.post("/v1/admin/releases", Map.of("semver", release), admin());
        }
        bond(net.nodes());
        delegate(net.delegations());
        try (NodeEndpoints endpoints = new NodeEndpoints(net.nodes())) {
            say("serving %d nodes' self-described APIs on 127.1.x.y:%d (%d unreachable on purpose)", endpoints.running(),
                    NodeEndpoints.PORT, nodes - endpoints.running());
            Api.Reply probe = api.post("/v1/admin/probe", null, admin());
            say("asked performance-service to probe the nodes: HTTP %d", probe.status());
            Path csv = Path.of(cfg.get("csv"));
            Files.createDirectories(csv.toAbsolutePath().getParent());
            List<EpochRow> rows = new ArrayList<>();
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
                out.println("epoch,next_rewarded_set_size,budget,distributed,unclaimed,reward_pool,monitor_results,tickets_submitted");
                for (int i = 0; i < epochs; i++) {
                    EpochRow row = runEpoch(net);
                    rows.add(row);
                    out.printf("%d,%d,%s,%s,%s,%s,%d,%d%n", row.epoch(), row.nextRewardedSetSize(), row.budget(), row.distributed(),
                            row.unclaimed(), row.rewardPool(), row.monitorResults(), row.tickets());
                    out.flush();
                }
            }
            say("done: %d epochs; per-epoch figures in %s", epochs, csv);
            return rows;
        }
    }

    private void bond(List<SimNode> nodes) {
        int bonded = 0;
        for (SimNode n : nodes) {
            Ed25519Identity id = new Ed25519Identity(n.identitySeed());
            identities.put(n.index(), id);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("identity_key", id.publicKeyBase58());
            body.put("host", n.host());
            body.put("http_port", NodeEndpoints.PORT);
            body.put("roles", Map.of("mixnode", n.mixnode(), "entry", n.entry(), "exit", n.exit()));
            body.put("pledge", String.valueOf(n.pledgeUnym()));
            body.put("cost_params", Map.of("profit_margin_percent", String.format("0.%02d", n.profitMarginPercent()),
                    "interval_operating_cost", String.valueOf(n.operatingCostUnym())));
            Api.Reply r = bondSigned(n.operator(), id, n.host(), body);
            if (r.ok() && r.body() != null && r.body().hasNonNull("node_id")) {
                nodeIds.put(n.index(), r.body().get("node_id").asLong());
                bonded++;
            } else {
                say("bond of node %d by %s refused: HTTP %d %s", n.index(), n.operator(), r.status(), abbreviate(r.raw()));
            }
        }
        say("bonded %d of %d nodes", bonded, nodes.size());
    }

    /**
     * Bonds as a node operator does: the node's identity key signs the bonding message over the current bonding nonce.
     * If another bond takes that node id first (409 stale_bonding_nonce), it signs again over the new one.
     */
    private Api.Reply bondSigned(String owner, Ed25519Identity id, String host, Map<String, Object> body) {
        Api.Reply r = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Api.Reply nonce = api.get("/v1/nodes/bonding-nonce");
            if (!nonce.ok() || nonce.body() == null || !nonce.body().hasNonNull("nonce")) {
                return nonce;
            }
            long value = nonce.body().get("nonce").asLong();
            body.put("nonce", value);
            body.put("signature", id.signBase58(
                    new BondingMessage(owner, id.publicKeyBase58(), host, NodeEndpoints.PORT, value).bytes()));
            r = api.post("/v1/nodes", body, account(owner));
            if (r.status() != 409 || r.body() == null || !"stale_bonding_nonce".equals(r.body().path("error").asText())) {
                return r;
            }
        }
        return r;
    }

    /**
     * Requests every delegation. With {@code parallel=1} (the default) in the network's order, so that the same seed
     * queues the same pending events in the same order and gives the same digests; a larger value sends that many
     * requests at once (for large benchmark networks), and then the queue order varies from run to run.
     */
    private void delegate(List<SimDelegation> delegations) throws InterruptedException {
        int parallel = Integer.parseInt(cfg.get("parallel"));
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        Runnable[] work = delegations.stream().map(d -> (Runnable) () -> {
            Long nodeId = nodeIds.get(d.nodeIndex());
            if (nodeId == null) {
                return;
            }
            Api.Reply r = api.post("/v1/delegators/" + d.delegator() + "/delegations",
                    Map.of("node_id", nodeId, "amount", String.valueOf(d.amountUnym())), account(d.delegator()));
            if (r.ok()) {
                ok.incrementAndGet();
            }
            int n = sent.incrementAndGet();
            if (n % 10_000 == 0) {
                say("delegations: %d of %d sent (%.0f/s)", n, delegations.size(), n / ((System.nanoTime() - started) / 1e9));
            }
        }).toArray(Runnable[]::new);
        if (parallel <= 1) {
            for (Runnable r : work) {
                r.run();
            }
        } else {
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
                for (Runnable r : work) {
                    pool.execute(r);
                }
            }
        }
        say("delegations requested: %d of %d accepted in %.1f s (they take effect at the next epoch boundary)", ok.get(),
                delegations.size(), (System.nanoTime() - started) / 1e9);
    }

    private long currentEpoch() {
        Api.Reply r = api.get("/v1/epochs/current");
        if (!r.ok() || r.body() == null) {
            throw new IllegalStateException("selection-service: /v1/epochs/current answered " + r.status() + " " + abbreviate(r.raw()));
        }
        return r.body().path("epoch_id").asLong();
    }

    private EpochRow runEpoch(NetworkGenerator.Network net) {
        long epoch = currentEpoch();
        int results = submitMonitoring(net.nodes());
        int tickets = redeemTickets(net.nodes());
        delegatorActivity(net);
        if (cfg.get("clock").equals("manual")) {
            Api.Reply r = api.post("/v1/admin/epochs/advance", null, admin());
            if (!r.ok()) {
                throw new IllegalStateException("advance refused: HTTP " + r.status() + " " + abbreviate(r.raw()));
            }
        }
        afterEpochEnded.accept(epoch);
        JsonNode rewards = awaitRewards(epoch);
        awaitEpochStarted(epoch + 1);
        Api.Reply set = api.get("/v1/epochs/" + (epoch + 1) + "/rewarded-set");
        int setSize = 0;
        if (set.ok() && set.body() != null) {
            for (String list : List.of("entry_gateways", "exit_gateways", "layer1", "layer2", "layer3", "standby")) {
                setSize += set.body().path(list).size();
            }
        }
        JsonNode totals = rewards.has("totals") ? rewards.get("totals") : rewards;
        String budget = text(totals, "budget");
        String distributed = text(totals, "distributed");
        String unclaimed = text(totals, "unclaimed");
        String pool = text(totals, "reward_pool");
        say("epoch %d rewarded: budget %s, distributed %s, unclaimed %s, pool %s | next rewarded set %d nodes | %d monitor results, %d tickets",
                epoch, budget, distributed, unclaimed, pool, setSize, results, tickets);
        return new EpochRow(epoch, setSize, budget, distributed, unclaimed, pool, results, tickets);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    private JsonNode awaitRewards(long epoch) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Reply r = api.get("/v1/epochs/" + epoch + "/rewards");
            if (r.ok() && r.body() != null) {
                return r.body();
            }
            Api.sleep(200);
        }
        throw new IllegalStateException("epoch " + epoch + " was not rewarded within 120 s: check the services' logs in .local-state/logs");
    }

    /** The next epoch has begun once selection-service has its rewarded set (after rewards and performance of this one). */
    private void awaitEpochStarted(long epoch) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Reply r = api.get("/v1/epochs/current");
            if (r.ok() && r.body() != null && r.body().path("epoch_id").asLong() >= epoch
                    && "in_progress".equals(r.body().path("state").asText())) {
                return;
            }
            Api.sleep(100);
        }
        throw new IllegalStateException("epoch " + epoch + " did not start within 120 s: check the services' logs in .local-state/logs");
    }

    private int submitMonitoring(List<SimNode> nodes) {
        int sent = 0;
        for (boolean gateways : new boolean[] {false, true}) {
            List<MonitorResult> results = new ArrayList<>();
            for (SimNode n : nodes) {
                Long id = nodeIds.get(n.index());
                if (id == null || n.isGateway() != gateways) {
                    continue;
                }
                int reliability = n.reachable() ? Math.max(0, Math.min(100, n.reliabilityMean() + random.nextInt(11) - 5)) : 0;
                results.add(new MonitorResult(id, identities.get(n.index()).publicKeyBase58(), reliability));
            }
            if (results.isEmpty()) {
                continue;
            }
            long timestamp = Instant.now().getEpochSecond();
            String signature = monitor.signBase58(SignedMonitorPayload.bytes(results, timestamp));
            List<Map<String, Object>> items = results.stream().map(m -> Map.<String, Object>of(
                    "node_id", m.nodeId(), "identity", m.identity(), "reliability", m.reliability())).toList();
            Api.Reply r = api.post(gateways ? "/v1/status/submit-gateway-monitoring-results" : "/v1/status/submit-node-monitoring-results",
                    Map.of("results", items, "signature", signature, "signer", monitor.publicKeyBase58(), "timestamp", timestamp), null);
            if (r.ok()) {
                sent += results.size();
            } else {
                say("monitor submission refused: HTTP %d %s", r.status(), abbreviate(r.raw()));
            }
        }
        return sent;
    }

    private int redeemTickets(List<SimNode> nodes) {
        int perGateway = Integer.parseInt(cfg.get("tickets"));
        List<SimNode> gateways = nodes.stream().filter(n -> n.isGateway() && nodeIds.containsKey(n.index())).toList();
        int accepted = 0;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (SimNode g : gateways) {
            Ed25519Identity id = identities.get(g.index());
            List<SubmittedTicket> tickets = new ArrayList<>();
            for (int t = 0; t < perGateway; t++) {
                double roll = random.nextDouble();
                String serial;
                if (roll < 0.05 && !spentSerials.isEmpty()) {
                    // a replay by the same gateway, or a double spend when another gateway spent it first
                    serial = spentSerials.get(random.nextInt(spentSerials.size()));
                } else {
                    byte[] bytes = new byte[48];
                    random.nextBytes(bytes);
                    serial = Base58.encode(bytes);
                    spentSerials.add(serial);
                    serialGateway.put(serial, g.index());
                }
                tickets.add(new SubmittedTicket(serial, random.nextDouble() < 0.8 ? "v1-mixnet-entry" : "v1-wireguard-entry", today));
            }
            Instant submittedAt = Instant.now();
            String key = "sim-" + g.index() + "-" + submittedAt.toEpochMilli();
            byte[] payload = BatchSigningPayload.bytes(new GatewayIdentity(id.publicKeyBase58()), key, submittedAt, tickets);
            List<Map<String, Object>> items = tickets.stream().map(t -> Map.<String, Object>of(
                    "serial", t.serial(), "ticket_type", t.type(), "spend_date", t.spendDate().toString())).toList();
            Api.Reply r = api.post("/v1/ticket-batches", Map.of("gateway", id.publicKeyBase58(), "idempotency_key", key,
                    "tickets", items, "submitted_at", submittedAt.toString(), "signature", id.signBase58(payload)), null);
            if (r.ok()) {
                accepted += tickets.size();
            } else {
                say("ticket batch of gateway node %d refused: HTTP %d %s", nodeIds.get(g.index()), r.status(), abbreviate(r.raw()));
            }
        }
        return accepted;
    }

    private void delegatorActivity(NetworkGenerator.Network net) {
        if (net.delegations().isEmpty()) {
            return;
        }
        // A few delegators act each epoch: withdraw their reward, or move stake to a new node.
        for (int k = 0; k < 3; k++) {
            SimDelegation d = net.delegations().get(random.nextInt(net.delegations().size()));
            Long nodeId = nodeIds.get(d.nodeIndex());
            if (nodeId == null) {
                continue;
            }
            if (random.nextBoolean()) {
                api.post("/v1/delegators/" + d.delegator() + "/delegations/" + nodeId + "/reward/withdraw", null, account(d.delegator()));
            } else {
                api.post("/v1/delegators/" + d.delegator() + "/delegations",
                        Map.of("node_id", nodeId, "amount", String.valueOf(10_000_000L + random.nextInt(1_000_000_000))), account(d.delegator()));
            }
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
