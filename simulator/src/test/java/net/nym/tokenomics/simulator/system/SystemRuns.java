package net.nym.tokenomics.simulator.system;

import net.nym.tokenomics.audit.Audit;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.simulator.Simulator;
import net.nym.tokenomics.simulator.api.Api;
import net.nym.tokenomics.simulator.api.Routes;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of the whole system for the end-to-end tests ({@link EndToEndTest}, {@link GoldenRunTest}): the four
 * services as real processes, driven by the simulator, with fresh local keys.
 */
final class SystemRuns {

    static final int EPOCHS_IN_INTERVAL = 20;

    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    private SystemRuns() {
    }

    /** What one run produced: the simulator's rows and what rewards-service published. */
    record Outcome(List<Simulator.EpochRow> rows, List<IntegrationEvents.EpochRewarded> rewarded, int rollovers,
                   String topicPrefix) {
        Audit.Topics topics() {
            return Audit.Topics.withPrefix(topicPrefix);
        }
    }

    interface Disturbance {
        void afterEpochEnded(ServiceProcesses system, long epoch) throws Exception;
    }

    /** A new JWT key pair and network monitor seed in {@code keys} (random: a new one for every test JVM). */
    static void writeLocalKeys(Path keys) throws Exception {
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        var pair = kpg.generateKeyPair();
        Files.writeString(keys.resolve("jwt-private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(keys.resolve("jwt-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        byte[] monitorSeed = new byte[32];
        new java.security.SecureRandom().nextBytes(monitorSeed);
        Files.writeString(keys.resolve("monitor.seed"), HexFormat.of().formatHex(monitorSeed));
    }

    static Outcome runSystem(Path keys, int epochs, long seed, int basePort, Disturbance disturbance) throws Exception {
        String monitor = new Ed25519Identity(HexFormat.of().parseHex(Files.readString(keys.resolve("monitor.seed")).trim())).publicKeyBase58();
        Map<String, String> cfg = Simulator.defaults();
        cfg.putAll(Map.of("nodes", "30", "delegators", "20", "epochs", String.valueOf(epochs), "tickets", "5",
                "keys", keys.toString(), "seed", String.valueOf(seed), "genesis", keys.resolve("genesis-" + seed + ".json").toString()));
        // The accounts are funded as in the demo: the simulator writes the genesis file of its network, rewards-service
        // starts from it (the pool is the configured reward pool, so the rewards are those of the unfunded ledger).
        Path genesis = Simulator.genesis(cfg).write(Path.of(cfg.get("genesis")));
        Map<String, Map<String, String>> props = Map.of(
                "*", Map.of("mp.jwt.verify.publickey.location", keys.resolve("jwt-public.pem").toUri().toString(),
                        "mp.jwt.verify.issuer", "nym-tokenomics"),
                "performance", Map.of("performance.submission.allowed-signers", monitor),
                "selection", Map.of("selection.clock.mode", "MANUAL", "selection.clock.epochs-in-interval", String.valueOf(EPOCHS_IN_INTERVAL)),
                "rewards", Map.of("rewards.genesis.epochs-in-interval", String.valueOf(EPOCHS_IN_INTERVAL),
                        "rewards.genesis.entry-gateways", "4", "rewards.genesis.exit-gateways", "4",
                        "rewards.genesis.mixnodes", "9", "rewards.genesis.standby", "3",
                        "rewards.genesis.file", genesis.toString()));
        try (ServiceProcesses system = new ServiceProcesses(REPO, basePort, props)) {
            system.startAll();
            Map<String, String> bases = new TreeMap<>();
            for (String svc : ServiceProcesses.SERVICES) {
                bases.put(svc, system.baseUrl(svc));
            }
            cfg.put("csv", keys.resolve("run-" + system.run() + ".csv").toString());
            List<Simulator.EpochRow> rows = new Simulator(cfg, new Api(new Routes(bases)))
                    .afterEpochEnded(epoch -> {
                        try {
                            disturbance.afterEpochEnded(system, epoch);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .run();
            var codec = IntegrationEvents.codec();
            List<IntegrationEvents.EpochRewarded> rewarded = new ArrayList<>();
            int rollovers = 0;
            for (var record : LocalInfra.readAll(system.topic("rewards"))) {
                StoredEvent e = KafkaEnvelope.event(record);
                if (e.eventType().equals(IntegrationEvents.EpochRewarded.TYPE)) {
                    rewarded.add(codec.decode(e, IntegrationEvents.EpochRewarded.class));
                } else if (e.eventType().equals(IntegrationEvents.IntervalRolledOver.TYPE)) {
                    rollovers++;
                }
            }
            rewarded.sort(java.util.Comparator.comparingLong(IntegrationEvents.EpochRewarded::epochId));
            return new Outcome(rows, rewarded, rollovers, "e2e-" + system.run() + ".");
        }
    }
}
