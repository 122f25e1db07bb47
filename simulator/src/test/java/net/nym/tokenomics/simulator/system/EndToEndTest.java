package net.nym.tokenomics.simulator.system;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.simulator.Simulator;
import net.nym.tokenomics.simulator.api.Api;
import net.nym.tokenomics.simulator.api.Routes;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system: the four services as real processes on real PostgreSQL and Kafka, driven by the simulator for more
 * epochs than an interval holds. Every epoch must be rewarded exactly once, conserve its budget, and pay per node what
 * the recorded inputs say.
 */
class EndToEndTest {

    static final int EPOCHS = 55;
    static final int EPOCHS_IN_INTERVAL = 20;

    /** What one run produced: the simulator's rows and what rewards-service published. */
    record Outcome(List<Simulator.EpochRow> rows, List<IntegrationEvents.EpochRewarded> rewarded, int rollovers) { }

    interface Disturbance {
        void afterEpochEnded(ServiceProcesses system, long epoch) throws Exception;
    }

    private static Outcome runSystem(Path keys, int epochs, long seed, int basePort, Disturbance disturbance) throws Exception {
        String monitor = new Ed25519Identity(HexFormat.of().parseHex(Files.readString(keys.resolve("monitor.seed")).trim())).publicKeyBase58();
        Map<String, Map<String, String>> props = Map.of(
                "*", Map.of("mp.jwt.verify.publickey.location", keys.resolve("jwt-public.pem").toUri().toString(),
                        "mp.jwt.verify.issuer", "nym-tokenomics"),
                "performance", Map.of("performance.submission.allowed-signers", monitor),
                "selection", Map.of("selection.clock.mode", "MANUAL", "selection.clock.epochs-in-interval", String.valueOf(EPOCHS_IN_INTERVAL)),
                "rewards", Map.of("rewards.genesis.epochs-in-interval", String.valueOf(EPOCHS_IN_INTERVAL),
                        "rewards.genesis.entry-gateways", "4", "rewards.genesis.exit-gateways", "4",
                        "rewards.genesis.mixnodes", "9", "rewards.genesis.standby", "3"));
        try (ServiceProcesses system = new ServiceProcesses(REPO, basePort, props)) {
            system.startAll();
            Map<String, String> bases = new TreeMap<>();
            for (String svc : ServiceProcesses.SERVICES) {
                bases.put(svc, system.baseUrl(svc));
            }
            Map<String, String> cfg = Simulator.defaults();
            cfg.putAll(Map.of("nodes", "30", "delegators", "20", "epochs", String.valueOf(epochs), "tickets", "5",
                    "keys", keys.toString(), "csv", keys.resolve("run-" + system.run() + ".csv").toString(), "seed", String.valueOf(seed)));
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
            return new Outcome(rows, rewarded, rollovers);
        }
    }

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    static Path keys;

    @org.junit.jupiter.api.BeforeAll
    static void localKeys() throws Exception {
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

    @Test
    void epochsRunEndToEndAcrossAnIntervalBoundary() throws Exception {
        Outcome run = runSystem(keys, EPOCHS, 2026, 18281, (system, epoch) -> { });
        List<Simulator.EpochRow> rows = run.rows();
        assertThat(rows).hasSize(EPOCHS);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).epoch()).as("consecutive epochs").isEqualTo(rows.get(i - 1).epoch() + 1);
        }
        for (Simulator.EpochRow row : rows) {
            assertThat(Decimal.parse(row.distributed()).plus(Decimal.parse(row.unclaimed())))
                    .as("epoch %d: distributed + unclaimed = budget", row.epoch()).isEqualTo(Decimal.parse(row.budget()));
        }
        // Independently of the services' REST reads: what rewards-service published on its topic.
        assertThat(run.rewarded().stream().map(IntegrationEvents.EpochRewarded::epochId).toList())
                .as("every epoch rewarded exactly once").doesNotHaveDuplicates()
                .containsAll(rows.stream().map(Simulator.EpochRow::epoch).toList());
        assertThat(run.rollovers()).as("interval boundaries crossed").isGreaterThanOrEqualTo(EPOCHS / EPOCHS_IN_INTERVAL);
        for (IntegrationEvents.EpochRewarded epoch : run.rewarded()) {
            Decimal sum = Decimal.ZERO;
            for (IntegrationEvents.NodeReward n : epoch.nodes()) {
                assertThat(n.operatorReward().plus(n.delegatesReward())).as("epoch %d node %d split", epoch.epochId(), n.nodeId())
                        .isEqualTo(n.reward());
                sum = sum.plus(n.reward());
            }
            assertThat(sum).as("epoch %d: sum of node rewards", epoch.epochId()).isEqualTo(epoch.distributed());
            assertThat(epoch.distributed().plus(epoch.unclaimed())).isEqualTo(epoch.budget());
        }
        assertThat(run.rewarded().stream().filter(e -> e.nodes().stream().anyMatch(n -> !n.reward().isZero())).count())
                .as("nodes were actually paid").isGreaterThan(EPOCHS / 2);
    }

    @Test
    void aKilledServiceAndARestartedBrokerChangeNoDigest() throws Exception {
        int epochs = 24;
        Outcome undisturbed = runSystem(keys, epochs, 77, 18381, (system, epoch) -> { });
        Outcome disturbed = runSystem(keys, epochs, 77, 18481, (system, epoch) -> {
            if (epoch == 6) {
                // mid-pipeline: the epoch has just ended and its results are being computed
                system.kill("rewards");
                system.start("rewards");
                system.awaitReady("rewards");
            } else if (epoch == 13) {
                Process restart = new ProcessBuilder("bash", REPO.resolve("deploy/local/restart-kafka.sh").toString())
                        .inheritIO().start();
                assertThat(restart.waitFor()).as("broker restarted").isZero();
            }
        });
        assertThat(disturbed.rewarded()).hasSameSizeAs(undisturbed.rewarded()).hasSizeGreaterThanOrEqualTo(epochs);
        for (int i = 0; i < undisturbed.rewarded().size(); i++) {
            var a = undisturbed.rewarded().get(i);
            var b = disturbed.rewarded().get(i);
            assertThat(b.epochId()).isEqualTo(a.epochId());
            assertThat(b.nodes()).as("epoch %d rewards", a.epochId()).isEqualTo(a.nodes());
            assertThat(b.stateDigest()).as("epoch %d digest", a.epochId()).isEqualTo(a.stateDigest());
        }
    }
}
