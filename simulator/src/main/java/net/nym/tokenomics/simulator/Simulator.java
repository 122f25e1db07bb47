package net.nym.tokenomics.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.simulator.api.Api;
import net.nym.tokenomics.simulator.identity.AccountTokens;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;
import net.nym.tokenomics.eventlog.signing.BondingMessage;
import net.nym.tokenomics.simulator.network.Genesis;
import net.nym.tokenomics.simulator.network.NetworkGenerator;
import net.nym.tokenomics.simulator.network.SimDelegation;
import net.nym.tokenomics.simulator.network.SimNode;
import net.nym.tokenomics.simulator.nodes.NodeEndpoints;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;

import java.io.PrintWriter;
import java.math.BigInteger;
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
 * java -jar simulator/target/simulator-0.1.0-SNAPSHOT.jar genesis nodes=60 genesis=.local-state/genesis.json  # rewards' genesis file
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
    /** The account traffic's own randomness: drawing from it leaves the network's ({@link #random}) as it was. */
    private final SplittableRandom accountRandom;
    private java.util.function.LongConsumer afterEpochEnded = epoch -> { };

    /**
     * One epoch as the simulator saw it. Amounts are the services' decimal strings. {@code transfers}: accepted
     * transfers (the treasury funding an account, account to account); {@code refusedAsExpected}: requests beyond the
     * sender's balance answered 409 {@code insufficient_balance}; {@code unexpected}: account requests answered
     * otherwise than expected (0 in a healthy run).
     */
    public record EpochRow(long epoch, int nextRewardedSetSize, String budget, String distributed, String unclaimed,
                           String rewardPool, int monitorResults, int tickets, int transfers, int refusedAsExpected,
                           int unexpected) { }

    public static Map<String, String> defaults() {
        LinkedHashMap<String, String> cfg = new LinkedHashMap<>(Map.of(
                "gateway", "http://127.0.0.1:8080", "nodes", "60", "delegators", "40", "epochs", "12", "seed", "42",
                "keys", ".local-state/keys", "csv", ".local-state/simulation.csv", "clock", "manual", "tickets", "20",
                "parallel", "1"));
        // the genesis file (the genesis command writes it; rewards-service reads it as rewards.genesis.file)
        cfg.put("genesis", ".local-state/genesis.json");
        cfg.put("treasury", Genesis.DEFAULT_TREASURY);
        cfg.put("pool", Genesis.DEFAULT_REWARD_POOL.toString());
        cfg.put("supply", Genesis.DEFAULT_TOTAL_SUPPLY.toString());
        return cfg;
    }

    /** The network {@code cfg} describes (nodes, delegators, seed): the same for the genesis and the run. */
    public static NetworkGenerator.Network network(Map<String, String> cfg) {
        return new NetworkGenerator(Long.parseLong(cfg.get("seed")))
                .generate(Integer.parseInt(cfg.get("nodes")), Integer.parseInt(cfg.get("delegators")), 3);
    }

    /** The genesis of {@code cfg}'s network: its accounts funded, the pool and treasury as configured. */
    public static Genesis genesis(Map<String, String> cfg) {
        return Genesis.forNetwork(network(cfg), new BigInteger(cfg.get("supply")), new BigInteger(cfg.get("pool")), cfg.get("treasury"));
    }

    /** A simulator talking to the services through {@code api}; {@code cfg} as {@link #defaults()}. */
    public Simulator(Map<String, String> cfg, Api api) throws Exception {
        this.cfg = cfg;
        Path keys = Path.of(cfg.get("keys"));
        this.api = api;
        this.tokens = new AccountTokens(keys.resolve("jwt-private.pem"));
        this.monitor = new Ed25519Identity(monitorSeed(keys));
        this.random = new SplittableRandom(Long.parseLong(cfg.get("seed")) ^ 0x5eed);
        this.accountRandom = new SplittableRandom(Long.parseLong(cfg.get("seed")) ^ 0xacc0);
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
            case "genesis" -> {
                // The genesis file for the network of these arguments (nodes, delegators, seed; pool, supply, treasury).
                Genesis g = genesis(cfg);
                Path file = g.write(Path.of(cfg.get("genesis")));
                say("genesis: %s: total supply %s uNYM, mixmining pool %s, %d accounts funded with %s, treasury %s holds %s",
                        file, g.totalSupply(), g.mixminingPool(), g.accounts().size(),
                        g.accounts().values().stream().reduce(BigInteger.ZERO, BigInteger::add), g.treasury(), g.treasuryBalance());
            }
            default -> {
                System.err.println("usage: simulator keys [dir] | simulator genesis [key=value ...] | simulator run [key=value ...]");
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
        var net = network(cfg);
        long mix = net.nodes().stream().filter(SimNode::mixnode).count();
        long exit = net.nodes().stream().filter(SimNode::exit).count();
        say("network: %d nodes (%d mixnodes, %d entry-only gateways, %d exit gateways) run by %d operators; %d delegations by %d delegators",
                nodes, mix, nodes - mix - exit, exit, net.operators().size(), net.delegations().size(), net.delegators().size());

        for (String release : NetworkGenerator.RELEASES) {
            api.post("/v1/admin/releases", Map.of("semver", release), admin());
        }
        fund(net);
        bond(net.nodes());
        delegate(net.delegations());
        awaitBondsKnown(net.nodes());
        try (NodeEndpoints endpoints = new NodeEndpoints(net.nodes())) {
            say("serving %d nodes' self-described APIs on 127.1.x.y:%d (%d unreachable on purpose)", endpoints.running(),
                    NodeEndpoints.PORT, nodes - endpoints.running());
            Api.Reply probe = api.post("/v1/admin/probe", null, admin());
            say("asked performance-service to probe the nodes: HTTP %d", probe.status());
            Path csv = Path.of(cfg.get("csv"));
            Files.createDirectories(csv.toAbsolutePath().getParent());
            List<EpochRow> rows = new ArrayList<>();
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
                out.println("epoch,next_rewarded_set_size,budget,distributed,unclaimed,reward_pool,monitor_results,tickets_submitted,"
                        + "transfers,refused_as_expected,unexpected_answers");
                for (int i = 0; i < epochs; i++) {
                    EpochRow row = runEpoch(net);
                    rows.add(row);
                    out.printf("%d,%d,%s,%s,%s,%s,%d,%d,%d,%d,%d%n", row.epoch(), row.nextRewardedSetSize(), row.budget(), row.distributed(),
                            row.unclaimed(), row.rewardPool(), row.monitorResults(), row.tickets(), row.transfers(),
                            row.refusedAsExpected(), row.unexpected());
                    out.flush();
                }
            }
            say("done: %d epochs; %d transfers, %d requests beyond balance refused as expected (409 insufficient_balance), "
                            + "%d unexpected answers; per-epoch figures in %s", epochs,
                    rows.stream().mapToInt(EpochRow::transfers).sum(), rows.stream().mapToInt(EpochRow::refusedAsExpected).sum(),
                    rows.stream().mapToInt(EpochRow::unexpected).sum(), csv);
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
     * Waits (up to 120 s) until performance-service knows every bonded node and ticket-ledger-service every bonded
     * gateway: they learn of bonds from rewards-service's topic, and a monitor submission or ticket batch for a node
     * they have not seen yet is refused (e.g. while the broker restarts). Reads only.
     */
    private void awaitBondsKnown(List<SimNode> nodes) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (SimNode n : nodes) {
            Long id = nodeIds.get(n.index());
            if (id == null) {
                continue;
            }
            List<String> paths = n.isGateway() ? List.of("/v1/nym-nodes/performance/" + id, "/v1/gateways/" + id)
                    : List.of("/v1/nym-nodes/performance/" + id);
            for (String path : paths) {
                while (!api.get(path).ok()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(path + " did not answer 200 within 120 s of the bond: check the services' logs");
                    }
                    Api.sleep(200);
                }
            }
        }
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
        transfers = 0;
        refusedAsExpected = 0;
        unexpected = 0;
        int results = submitMonitoring(net.nodes());
        int tickets = redeemTickets(net.nodes());
        delegatorActivity(net);
        accountTraffic(net);
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
        say("epoch %d rewarded: budget %s, distributed %s, unclaimed %s, pool %s | next rewarded set %d nodes | %d monitor results, %d tickets"
                        + " | %d transfers, %d beyond balance refused as expected%s",
                epoch, budget, distributed, unclaimed, pool, setSize, results, tickets, transfers, refusedAsExpected,
                unexpected == 0 ? "" : ", " + unexpected + " UNEXPECTED answers");
        return new EpochRow(epoch, setSize, budget, distributed, unclaimed, pool, results, tickets, transfers, refusedAsExpected,
                unexpected);
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

    // ------------------------------------------------------------------ token accounts (issue 15)

    private int transfers;
    private int refusedAsExpected;
    private int unexpected;

    /** Every account the simulator acts for: the nodes' operator accounts and the delegators. */
    private static List<String> accounts(NetworkGenerator.Network net) {
        List<String> all = new ArrayList<>(net.nodes().stream().map(SimNode::operator).toList());
        all.addAll(net.delegators());
        return all;
    }

    /**
     * Before bonding: every account holds at least what it pledges or delegates plus its margin ({@link Genesis#needs}).
     * With the genesis file of this network that is already so and only reads are sent; otherwise (a system started
     * with another genesis) the treasury transfers what is missing.
     */
    private void fund(NetworkGenerator.Network net) throws InterruptedException {
        Map<String, BigInteger> needs = Genesis.needs(net);
        Api.Reply supply = api.get("/v1/supply");
        if (!supply.ok()) {
            say("rewards-service has no token accounts (GET /v1/supply: HTTP %d %s): bonds and delegations will be refused",
                    supply.status(), abbreviate(supply.raw()));
            return;
        }
        java.util.concurrent.atomic.AtomicInteger funded = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<BigInteger> sent = new java.util.concurrent.atomic.AtomicReference<>(BigInteger.ZERO);
        List<Runnable> work = new ArrayList<>();
        needs.forEach((address, need) -> work.add(() -> {
            BigInteger liquid = liquid(address);
            if (liquid != null && liquid.compareTo(need) < 0) {
                BigInteger missing = need.subtract(liquid);
                if (transfer(treasury(), address, missing)) {
                    funded.incrementAndGet();
                    sent.accumulateAndGet(missing, BigInteger::add);
                }
            }
        }));
        each(work);
        if (funded.get() == 0) {
            say("accounts: %d funded at genesis (%s), treasury %s", needs.size(), cfg.get("genesis"), treasury());
        } else {
            say("accounts: %d of %d not funded by the genesis, funded by the treasury %s with %s uNYM", funded.get(),
                    needs.size(), treasury(), sent.get());
        }
    }

    private String treasury() {
        return cfg.get("treasury");
    }

    /** An account's liquid balance, or null (counted as unexpected) if rewards-service does not say. */
    private BigInteger liquid(String address) {
        Api.Reply r = api.get("/v1/accounts/" + address);
        if (!r.ok() || r.body() == null || !r.body().hasNonNull("liquid")) {
            unexpected++;
            say("account %s: HTTP %d %s", address, r.status(), abbreviate(r.raw()));
            return null;
        }
        return new BigInteger(r.body().get("liquid").asText());
    }

    /** An immediate transfer, expected to be accepted (200); true if it was. */
    private boolean transfer(String from, String to, BigInteger amount) {
        Api.Reply r = api.post("/v1/accounts/" + from + "/transfers", Map.of("to", to, "amount", amount.toString()), account(from));
        if (r.status() == 200) {
            transfers++;
            return true;
        }
        unexpected++;
        say("transfer of %s uNYM from %s to %s refused: HTTP %d %s", amount, from, to, r.status(), abbreviate(r.raw()));
        return false;
    }

    /** A request beyond the sender's balance: must be refused with 409 insufficient_balance, and so records nothing. */
    private void expectInsufficientBalance(String what, Api.Reply r) {
        if (r.status() == 409 && r.body() != null && "insufficient_balance".equals(r.body().path("error").asText())) {
            refusedAsExpected++;
        } else {
            unexpected++;
            say("%s beyond the balance: expected 409 insufficient_balance, got HTTP %d %s", what, r.status(), abbreviate(r.raw()));
        }
    }

    /**
     * Each epoch: the treasury funds an account, one account pays another, and two requests ask for one uNYM more than
     * the sender's liquid balance (a transfer, a delegation or a pledge increase), which rewards-service must refuse.
     * None of it changes any stake, so the rewards are those of the network alone.
     */
    private void accountTraffic(NetworkGenerator.Network net) {
        List<String> accounts = accounts(net);
        String funded = accounts.get(accountRandom.nextInt(accounts.size()));
        transfer(treasury(), funded, BigInteger.valueOf(100L + accountRandom.nextInt(901)).multiply(BigInteger.valueOf(1_000_000L)));

        String from = accounts.get(accountRandom.nextInt(accounts.size()));
        String to = accounts.get(accountRandom.nextInt(accounts.size()));
        BigInteger amount = BigInteger.valueOf(1L + accountRandom.nextInt(50)).multiply(BigInteger.valueOf(1_000_000L));
        BigInteger liquid = liquid(from);
        if (!from.equals(to) && liquid != null && liquid.signum() > 0) {
            transfer(from, to, amount.min(liquid));
        }

        List<Long> bonded = new ArrayList<>(nodeIds.values());
        for (int k = 0; k < 2 && !bonded.isEmpty(); k++) {
            switch (accountRandom.nextInt(3)) {
                case 0 -> {
                    String sender = accounts.get(accountRandom.nextInt(accounts.size()));
                    BigInteger balance = liquid(sender);
                    if (balance != null) {
                        expectInsufficientBalance("transfer", api.post("/v1/accounts/" + sender + "/transfers",
                                Map.of("to", treasury(), "amount", balance.add(BigInteger.ONE).toString()), account(sender)));
                    }
                }
                case 1 -> {
                    String delegator = net.delegators().isEmpty() ? accounts.getFirst()
                            : net.delegators().get(accountRandom.nextInt(net.delegators().size()));
                    long node = bonded.get(accountRandom.nextInt(bonded.size()));
                    BigInteger balance = liquid(delegator);
                    if (balance != null) {
                        expectInsufficientBalance("delegation", api.post("/v1/delegators/" + delegator + "/delegations",
                                Map.of("node_id", node, "amount", balance.add(BigInteger.ONE).toString()), account(delegator)));
                    }
                }
                default -> {
                    List<SimNode> owned = net.nodes().stream().filter(n -> nodeIds.containsKey(n.index())).toList();
                    SimNode n = owned.get(accountRandom.nextInt(owned.size()));
                    BigInteger balance = liquid(n.operator());
                    if (balance != null) {
                        expectInsufficientBalance("pledge increase", api.post("/v1/nodes/" + nodeIds.get(n.index()) + "/pledge",
                                Map.of("amount", balance.add(BigInteger.ONE).toString()), account(n.operator())));
                    }
                }
            }
        }
    }

    /** Runs {@code work} in order, or {@code parallel} at a time. */
    private void each(List<Runnable> work) throws InterruptedException {
        int parallel = Integer.parseInt(cfg.get("parallel"));
        if (parallel <= 1) {
            work.forEach(Runnable::run);
            return;
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
            work.forEach(pool::execute);
        }
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
                BigInteger amount = BigInteger.valueOf(10_000_000L + random.nextInt(1_000_000_000));
                // beyond its margin, the treasury funds the delegator first (transfers are immediate)
                BigInteger liquid = liquid(d.delegator());
                if (liquid != null && liquid.compareTo(amount) < 0) {
                    transfer(treasury(), d.delegator(), amount.subtract(liquid).add(Genesis.DELEGATOR_MARGIN));
                }
                api.post("/v1/delegators/" + d.delegator() + "/delegations",
                        Map.of("node_id", nodeId, "amount", amount.toString()), account(d.delegator()));
            }
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
