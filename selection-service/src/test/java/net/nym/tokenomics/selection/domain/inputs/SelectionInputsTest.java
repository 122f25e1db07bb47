package net.nym.tokenomics.selection.domain.inputs;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs.Readiness;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionInputsTest {

    private static SelectionInputs registered(long... ids) {
        SelectionInputs in = new SelectionInputs();
        for (long id : ids) {
            in.applyBonded(Fixtures.bonded(id, "owner" + id, true, id % 2 == 0, false));
        }
        return in;
    }

    @Test
    void waitsForSnapshotPerformanceAndEveryRegistrationOfTheSnapshot() {
        SelectionInputs in = registered(1);
        assertThat(in.readinessFor(5)).isEqualTo(new Readiness.Waiting(
                List.of("StakeSnapshotTaken(4)", "EpochPerformanceComputed(4)")));
        in.applySnapshot(Fixtures.snapshot(4, 1, 1, 3, 0, Map.of(1L, 10L, 2L, 20L)));
        assertThat(in.readinessFor(5)).isEqualTo(new Readiness.Waiting(
                List.of("EpochPerformanceComputed(4)", "NodeBonded(2)")));
        in.applyPerformance(Fixtures.performance(4, Map.of(1L, "0.9")));
        assertThat(in.readinessFor(5)).isEqualTo(new Readiness.Waiting(List.of("NodeBonded(2)")));
        in.applyBonded(Fixtures.bonded(2, "owner2", true, true, false));
        assertThat(in.readinessFor(5)).isInstanceOf(Readiness.Ready.class);
        assertThat(in.readinessFor(6)).isInstanceOf(Readiness.Waiting.class);
    }

    @Test
    void candidatesComeFromTheSnapshotAscendingWithMissingPerformanceZero() {
        SelectionInputs in = registered(7, 3, 5);
        in.applyBonded(new IntegrationEvents.NodeBonded(9, "x", "k", "h", 1, new IntegrationEvents.NodeRoles(false, false, false),
                null, 0));
        in.applySnapshot(Fixtures.snapshot(0, 2, 1, 3, 1, Map.of(7L, 500_000_000L, 3L, 100L, 9L, 5L)));
        in.applyPerformance(Fixtures.performance(0, Map.of(7L, "1", 5L, "0.5")));
        Readiness.Ready ready = (Readiness.Ready) in.readinessFor(1);
        // node 5 is registered but not in the snapshot; node 9 declares no role
        assertThat(ready.candidates()).extracting(Candidate::nodeId).containsExactly(NodeId.of(3), NodeId.of(7));
        assertThat(ready.candidates().get(0).performance()).isEqualTo(Percent.ZERO);
        assertThat(ready.candidates().get(0).weight()).isEqualTo(Decimal.ZERO);
        assertThat(ready.candidates().get(1).saturation()).isEqualTo(Decimal.fromRatio(500_001_000L, 1_000_000_000L));
        assertThat(ready.sizes()).isEqualTo(new RewardedSetSizes(2, 1, 3, 1));
        assertThat(ready.stakeSaturationPoint()).isEqualTo(Decimal.of(1_000_000_000L));
    }

    @Test
    void theFirstSnapshotAndPerformanceOfAnEpochWin() {
        SelectionInputs in = registered(1, 2);
        assertThat(in.applySnapshot(Fixtures.snapshot(0, 1, 1, 3, 0, Map.of(1L, 10L)))).isTrue();
        assertThat(in.applySnapshot(Fixtures.snapshot(0, 1, 1, 3, 0, Map.of(1L, 10L, 2L, 10L)))).isFalse();
        assertThat(in.applyPerformance(Fixtures.performance(0, Map.of(1L, "1")))).isTrue();
        assertThat(in.applyPerformance(Fixtures.performance(0, Map.of(1L, "0")))).isFalse();
        Readiness.Ready ready = (Readiness.Ready) in.readinessFor(1);
        assertThat(ready.candidates()).singleElement().satisfies(c -> assertThat(c.performance()).isEqualTo(Percent.HUNDRED));
        in.forgetBefore(1);
        assertThat(in.hasSnapshot(0)).isFalse();
    }

    @Test
    void bootstrapCandidatesAreTheBondedRegisteredNodesWithWeightZero() {
        SelectionInputs in = registered(4, 2, 8);
        in.applyUnbonded(new IntegrationEvents.NodeUnbonded(8, 0));
        in.applyUnbonded(new IntegrationEvents.NodeUnbonded(99, 0));
        assertThat(in.bootstrapCandidates(Decimal.ONE)).extracting(Candidate::nodeId)
                .containsExactly(NodeId.of(2), NodeId.of(4));
        assertThat(in.bootstrapCandidates(Decimal.ONE)).allSatisfy(c -> assertThat(c.weight()).isEqualTo(Decimal.ZERO));
        assertThat(in.registry().get(NodeId.of(8)).unbonded()).isTrue();
    }

    @Test
    void invalidSnapshotsAreNamed() {
        assertThat(SelectionInputs.invalidSnapshotReason(Fixtures.snapshot(0, 1, 1, 3, 0, Map.of()))).isNull();
        assertThat(SelectionInputs.invalidSnapshotReason(Fixtures.snapshot(0, 1, 1, 4, 0, Map.of()))).contains("mixnodes");
        assertThat(SelectionInputs.invalidSnapshotReason(Fixtures.snapshot(0, 0, 1, 3, 0, Map.of()))).contains("entry_gateways");
        assertThat(SelectionInputs.invalidSnapshotReason(new IntegrationEvents.StakeSnapshotTaken(0, Decimal.ZERO, 1, 1, 3, 0,
                List.of()))).contains("stake_saturation_point");
        assertThat(SelectionInputs.invalidSnapshotReason(new IntegrationEvents.StakeSnapshotTaken(0, Decimal.ONE, 1, 1, 3, 0,
                List.of(new IntegrationEvents.NodeStake(1L << 32, "o", Decimal.ONE, Decimal.ONE, Decimal.ONE)))))
                .startsWith("nodes[0]");
        assertThat(SelectionInputs.invalidPerformanceReason(Fixtures.performance(0, Map.of(1L, "1")))).isNull();
        assertThat(SelectionInputs.invalidPerformanceReason(new IntegrationEvents.EpochPerformanceComputed(0, null, null,
                List.of(new IntegrationEvents.NodePerformance(1, null, 0, 0, 0, List.of())), "x"))).startsWith("nodes[0]");
    }
}
