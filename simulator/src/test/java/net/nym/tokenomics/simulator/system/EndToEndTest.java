package net.nym.tokenomics.simulator.system;

import net.nym.tokenomics.audit.Audit;
import net.nym.tokenomics.audit.TopicLog;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.simulator.Simulator;
import net.nym.tokenomics.simulator.system.SystemRuns.Outcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static net.nym.tokenomics.simulator.system.SystemRuns.REPO;
import static net.nym.tokenomics.simulator.system.SystemRuns.runSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system: the four services as real processes on real PostgreSQL and Kafka, driven by the simulator for more
 * epochs than an interval holds. Every epoch must be rewarded exactly once, conserve its budget, and pay per node what
 * the recorded inputs say.
 */
class EndToEndTest {

    static final int EPOCHS = 55;
    static final int EPOCHS_IN_INTERVAL = SystemRuns.EPOCHS_IN_INTERVAL;

    @TempDir
    static Path keys;

    @org.junit.jupiter.api.BeforeAll
    static void localKeys() throws Exception {
        SystemRuns.writeLocalKeys(keys);
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
            // the accounts' traffic (issue 15): every request beyond a balance refused with 409 insufficient_balance,
            // every transfer and balance read answered as expected
            assertThat(row.refusedAsExpected()).as("epoch %d: requests beyond balance refused as expected", row.epoch()).isEqualTo(2);
            assertThat(row.unexpected()).as("epoch %d: unexpected answers to account requests", row.epoch()).isZero();
            assertThat(row.transfers()).as("epoch %d: transfers accepted", row.epoch()).isGreaterThanOrEqualTo(1);
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
            // funded from the simulator's genesis file: every token of the 1,000,000,000 NYM is somewhere
            IntegrationEvents.SupplyFigures supply = epoch.supply();
            assertThat(supply).as("epoch %d: supply figures of a funded ledger", epoch.epochId()).isNotNull();
            assertThat(supply.totalSupply().amount()).isEqualTo(java.math.BigInteger.TEN.pow(15));
            assertThat(supply.liquid().toDecimal().plus(supply.escrowed().toDecimal()).plus(supply.staked().toDecimal())
                    .plus(supply.accruedRewards()).plus(supply.rewardPool()).plus(supply.dust()))
                    .as("epoch %d: liquid + escrowed + staked + accrued + pool + dust = total supply + fees", epoch.epochId())
                    .isEqualTo(supply.totalSupply().toDecimal().plus(supply.feesReceived().toDecimal()));
        }
        assertThat(run.rewarded().stream().filter(e -> e.nodes().stream().anyMatch(n -> !n.reward().isZero())).count())
                .as("nodes were actually paid").isGreaterThan(EPOCHS / 2);

        TopicLog selection = TopicLog.read(LocalInfra.kafkaConfig(), run.topics().selection());
        TopicLog performance = TopicLog.read(LocalInfra.kafkaConfig(), run.topics().performance());
        TopicLog ticketLedger = TopicLog.read(LocalInfra.kafkaConfig(), run.topics().ticketLedger());
        TopicLog rewards = TopicLog.read(LocalInfra.kafkaConfig(), run.topics().rewards());
        rewardsEqualAnIndependentComputation(run, selection, performance, rewards);
        theAuditPassesAndCatchesAlteredEvents(run, selection, performance, ticketLedger, rewards);
    }

    /** What rewards-service paid, node by node, against {@link IndependentRewards} from the published inputs. */
    private static void rewardsEqualAnIndependentComputation(Outcome run, TopicLog selection, TopicLog performance, TopicLog rewards) {
        IndependentRewards.Genesis genesis = new IndependentRewards.Genesis(Decimal.parse("244817525850285"),
                Decimal.parse("100000000000000"), Decimal.parse("0.5"), Decimal.parse("0.3"), Decimal.parse("10"),
                Decimal.parse("0.02"), EPOCHS_IN_INTERVAL);
        IndependentRewards.Result expected = IndependentRewards.compute(genesis, selection, performance, rewards);
        Map<String, IntegrationEvents.NodeReward> paid = new TreeMap<>();
        for (IntegrationEvents.EpochRewarded epoch : run.rewarded()) {
            assertThat(epoch.budget()).as("epoch %d budget", epoch.epochId()).isEqualTo(expected.budgets().get(epoch.epochId()));
            epoch.nodes().forEach(n -> paid.put(epoch.epochId() + "/" + n.nodeId(), n));
        }
        int positive = 0;
        for (IndependentRewards.Expected e : expected.nodes()) {
            IntegrationEvents.NodeReward actual = paid.get(e.epoch() + "/" + e.nodeId());
            assertThat(actual).as("epoch %d node %d is in the published rewards", e.epoch(), e.nodeId()).isNotNull();
            assertThat(actual.performance()).as("epoch %d node %d performance", e.epoch(), e.nodeId()).isEqualTo(e.performance());
            assertThat(actual.workFactor()).as("epoch %d node %d work factor", e.epoch(), e.nodeId()).isEqualTo(e.workFactor());
            assertThat(actual.reward()).as("epoch %d node %d reward", e.epoch(), e.nodeId()).isEqualTo(e.reward());
            positive += e.reward().isZero() ? 0 : 1;
        }
        assertThat(expected.nodes().size()).as("node-epochs compared").isEqualTo(paid.size() - run.rewarded().getFirst().nodes().size());
        assertThat(positive).as("positive rewards compared").isGreaterThan(EPOCHS * 5);
        // The saturation point in force for epoch e is the one the snapshot of e-1 carried to selection.
        assertThat(expected.saturationPoints()).as("saturation points per epoch").hasSize(run.rewarded().size() - 1)
                .isEqualTo(expected.publishedSaturationPoints());
    }

    /**
     * The audit reads only the run's four topics: it must pass on the run as it happened, and find the first altered
     * event in copies where one event was changed: a performance result (through the command line, on real topics),
     * a reward inside rewards-service's epoch closing, a candidate's weight inside a selection proof, a balance event
     * (a transfer, the genesis).
     */
    private static void theAuditPassesAndCatchesAlteredEvents(Outcome run, TopicLog selection, TopicLog performance,
                                                              TopicLog ticketLedger, TopicLog rewards) throws Exception {
        Audit.Report clean = Audit.run(LocalInfra.kafkaConfig(), run.topics(), m -> { });
        assertThat(clean.findings()).as("findings on the run as it happened").isEmpty();
        assertThat(clean.rewardsRecomputed()).isEqualTo(run.rewarded().size());
        assertThat(clean.selectionsRecomputed()).isGreaterThan(EPOCHS);
        assertThat(clean.lastStateDigest()).isEqualTo(run.rewarded().getLast().stateDigest());

        // 1. One node's performance in epoch 10's published result, via the command line against real topics.
        TopicLog alteredPerformance = Alteration.performanceOfOneNode(performance, 10);
        String prefix = "e2e-altered-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".";
        Audit.Topics altered = Audit.Topics.withPrefix(prefix);
        Alteration.copy(selection, altered.selection());
        Alteration.copy(alteredPerformance, altered.performance());
        Alteration.copy(ticketLedger, altered.ticketLedger());
        Alteration.copy(rewards, altered.rewards());
        Process audit = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                REPO.resolve("audit/target/audit-0.1.0-SNAPSHOT.jar").toString(), "--bootstrap", LocalInfra.bootstrapServers(),
                "--topic-prefix", prefix).redirectErrorStream(true).start();
        String output = new String(audit.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(audit.waitFor()).as("audit exit code; output:%n%s", output).isEqualTo(1);
        assertThat(output).contains("AUDIT FAILED: first mismatch: epoch 10: ");

        // 2. The reward total recorded in epoch 20's closing (the ledger's own domain event).
        Audit.Report rewardAltered = Audit.audit(selection, performance, ticketLedger, Alteration.distributedOfEpoch(rewards, 20),
                Map.of(), m -> { });
        assertThat(rewardAltered.firstMismatch()).hasValueSatisfying(f -> {
            assertThat(f.epoch()).isEqualTo(20);
            assertThat(f.check()).isEqualTo("rewards.epoch");
            assertThat(f.what()).contains("EpochRewarded");
        });

        // 4. A balance event (issue 15): a transfer during epoch 25, one uNYM more; and a genesis balance one uNYM more.
        Audit.Report transferAltered = Audit.audit(selection, performance, ticketLedger, Alteration.transferDuring(rewards, 25),
                Map.of(), m -> { });
        assertThat(transferAltered.firstMismatch()).hasValueSatisfying(f -> {
            assertThat(f.epoch()).isEqualTo(25);
            assertThat(f.check()).isEqualTo("rewards.epoch");
            assertThat(f.what()).contains("EpochRewarded").contains("state_digest");
        });
        Audit.Report genesisAltered = Audit.audit(selection, performance, ticketLedger, Alteration.genesisBalance(rewards),
                Map.of(), m -> { });
        assertThat(genesisAltered.firstMismatch()).hasValueSatisfying(f -> {
            assertThat(f.epoch()).isEqualTo(0);
            assertThat(f.check()).isEqualTo("rewards.supply");
            assertThat(f.what()).contains("total supply");
        });

        // 3. One candidate's weight inside epoch 30's selection proof (its digest left as it was).
        Audit.Report proofAltered = Audit.audit(Alteration.weightInProof(selection, 30), performance, ticketLedger, rewards,
                Map.of(), m -> { });
        assertThat(proofAltered.firstMismatch()).hasValueSatisfying(f -> {
            assertThat(f.epoch()).isEqualTo(30);
            assertThat(f.check()).isEqualTo("selection.proof");
            assertThat(f.what()).contains("weight");
        });
    }

    /**
     * The same seed run twice: undisturbed, and with every service's database dropped and rebuilt from Kafka at some
     * point mid-pipeline (just after an epoch ended), rewards-service killed and restarted, and the broker restarted.
     * Both runs must publish the same results with the same digests, epoch by epoch, and both must pass the audit.
     */
    @Test
    void killedRebuiltAndRestartedServicesAndABrokerRestartChangeNoDigest() throws Exception {
        int epochs = 24;
        Outcome undisturbed = runSystem(keys, epochs, 77, 18381, (system, epoch) -> { });
        Outcome disturbed = runSystem(keys, epochs, 77, 18481, (system, epoch) -> {
            // Each at a point where the epoch has just ended and its results are being computed.
            switch ((int) epoch) {
                case 3 -> system.rebuildFromKafka("performance");
                case 6 -> {
                    system.kill("rewards");
                    system.start("rewards");
                    system.awaitReady("rewards");
                }
                case 9 -> system.rebuildFromKafka("ticket-ledger");
                case 13 -> {
                    Process restart = new ProcessBuilder("bash", REPO.resolve("deploy/local/restart-kafka.sh").toString())
                            .inheritIO().start();
                    assertThat(restart.waitFor()).as("broker restarted").isZero();
                }
                case 16 -> system.rebuildFromKafka("selection");
                case 19 -> system.rebuildFromKafka("rewards");
                default -> { }
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
        for (String type : List.of(IntegrationEvents.RewardedSetSelected.TYPE, IntegrationEvents.EpochPerformanceComputed.TYPE,
                IntegrationEvents.EpochUsageClosed.TYPE)) {
            assertThat(Alteration.resultsByEpoch(disturbed.topicPrefix(), type)).as("%s per epoch", type)
                    .isEqualTo(Alteration.resultsByEpoch(undisturbed.topicPrefix(), type));
        }
        for (Outcome run : List.of(undisturbed, disturbed)) {
            Audit.Report report = Audit.run(LocalInfra.kafkaConfig(), run.topics(), m -> { });
            assertThat(report.findings()).as("audit of %s", run.topicPrefix()).isEmpty();
            assertThat(report.rewardsRecomputed()).isEqualTo(run.rewarded().size());
        }
    }
}
