package net.nym.tokenomics.selection.domain.selection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static net.nym.tokenomics.selection.domain.selection.TestCandidates.ALL;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.ENTRY;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.EXIT;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.MIX;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.real;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.seed;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewardedSetSelectionTest {

    static final Seed GOLDEN_SEED = new Seed("6e796d2d676f6c64656e2d73656564");

    /** Ten nodes with mixed roles, stakes and performance. */
    static List<Candidate> tenCandidates() {
        return List.of(
                real(1, "n1alice", ENTRY, 1_000_000, "0.99"),
                real(2, "n1bob", EXIT, 800_000, "0.95"),
                real(3, "n1carol", MIX, 1_200_000, "1"),
                real(4, "n1dave", MIX, 500_000, "0.9"),
                real(5, "n1erin", ALL, 1_000_000, "0.98"),
                real(6, "n1frank", MIX, 300_000, "0.97"),
                real(7, "n1grace", ENTRY, 0, "1"),
                real(8, "n1heidi", MIX, 900_000, "0"),
                real(9, "n1ivan", EXIT, 700_000, "0.99"),
                real(10, "n1judy", MIX, 1_000_000, "0.5"));
    }

    static final RewardedSetSizes GOLDEN_SIZES = new RewardedSetSizes(2, 1, 3, 2);

    /**
     * Recorded after review, and reproduced by an independent Python re-implementation of the generator, the A-Res
     * keys and the dealer. Plausible: entry draws from {1 (w 0.818), 2 (0.287), 5 (0.668), 7 (0), 9 (0.573)}; the
     * exit pool is then {2, 5}; the mix pool {3 (1.0), 4 (0.061), 5, 6 (0.163), 8 (0), 10 (~1e-6)}; zero-weight 7
     * and 8 are never chosen while positive weights remain.
     */
    @Test
    void goldenSet() {
        RewardedSetSelection.Outcome outcome = RewardedSetSelection.select(GOLDEN_SEED, GOLDEN_SIZES, tenCandidates(), Map.of());
        assertThat(outcome.rewardedSet()).isEqualTo(new RewardedSet(ids(1, 9), ids(2), ids(6), ids(4), ids(3), ids(5, 10)));
        assertThat(outcome.shortfall()).isEqualTo(Shortfall.NONE);
    }

    @Test
    void sameSeedAndCandidatesGiveTheSameSetEveryTime() {
        RewardedSetSelection.Outcome first = RewardedSetSelection.select(GOLDEN_SEED, GOLDEN_SIZES, tenCandidates(), Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(RewardedSetSelection.select(GOLDEN_SEED, GOLDEN_SIZES, tenCandidates(), Map.of())).isEqualTo(first);
        }
        assertThat(RewardedSetSelection.select(new Seed("00"), GOLDEN_SIZES, tenCandidates(), Map.of()).rewardedSet())
                .isNotEqualTo(first.rewardedSet());
    }

    /** Over many seeds: pools respect roles, nobody holds two roles, and a strong exit-capable node is sometimes entry. */
    @Test
    void fillOrderEntryThenExitThenMixThenStandby() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(weighted(1, ALL, "1"));          // strongest, exit- and entry-capable
        for (long id = 2; id <= 6; id++) {
            candidates.add(weighted(id, ENTRY, "0.3"));
        }
        for (long id = 7; id <= 9; id++) {
            candidates.add(weighted(id, EXIT, "0.3"));
        }
        for (long id = 10; id <= 20; id++) {
            candidates.add(weighted(id, MIX, "0.5"));
        }
        RewardedSetSizes sizes = new RewardedSetSizes(2, 2, 6, 3);
        int strongAsEntry = 0;
        int strongAsExit = 0;
        for (int s = 0; s < 200; s++) {
            RewardedSet set = RewardedSetSelection.select(seed(s), sizes, candidates, Map.of()).rewardedSet();
            assertThat(set.entryGateways()).allMatch(id -> byId(candidates, id).roles().entryGateway());
            assertThat(set.exitGateways()).allMatch(id -> byId(candidates, id).roles().exitGateway());
            for (Layer l : Layer.values()) {
                assertThat(set.layer(l)).allMatch(id -> byId(candidates, id).roles().mixnode());
            }
            Set<NodeId> seen = new HashSet<>();
            set.named().values().forEach(ids -> ids.forEach(id -> assertThat(seen.add(id)).as("node %s twice", id).isTrue()));
            assertThat(set.size()).isEqualTo(13);
            strongAsEntry += set.entryGateways().contains(NodeId.of(1)) ? 1 : 0;
            strongAsExit += set.exitGateways().contains(NodeId.of(1)) ? 1 : 0;
        }
        // Entry is drawn first from 6 nodes where node 1 has 1/2.5 of the weight, so it is mostly an entry gateway.
        assertThat(strongAsEntry).isGreaterThan(100);
        assertThat(strongAsExit).isPositive();
    }

    @Test
    void shortfallIsReportedNotAnError() {
        List<Candidate> candidates = List.of(weighted(1, ENTRY, "1"), weighted(2, EXIT, "1"), weighted(3, MIX, "1"),
                weighted(4, MIX, "1"));
        // Node 2 is exit-capable and so also entry-capable (gateway_enabled): entry takes it, the exit pool is empty.
        RewardedSetSelection.Outcome outcome = RewardedSetSelection.select(seed(1), new RewardedSetSizes(3, 1, 3, 1), candidates, Map.of());
        assertThat(outcome.shortfall()).isEqualTo(new Shortfall(1, 1, 1, 1));
        assertThat(outcome.rewardedSet().entryGateways()).containsExactly(NodeId.of(1), NodeId.of(2));
        assertThat(outcome.rewardedSet().exitGateways()).isEmpty();
        assertThat(outcome.rewardedSet().layer1().size() + outcome.rewardedSet().layer2().size()
                + outcome.rewardedSet().layer3().size()).isEqualTo(2);
        assertThat(outcome.rewardedSet().standby()).isEmpty();
    }

    @Test
    void emptyCandidatesGiveAnEmptySet() {
        RewardedSetSelection.Outcome outcome = RewardedSetSelection.select(seed(1), GOLDEN_SIZES, List.of(), Map.of());
        assertThat(outcome.rewardedSet()).isEqualTo(RewardedSet.EMPTY);
        assertThat(outcome.shortfall()).isEqualTo(new Shortfall(2, 1, 3, 2));
    }

    @Test
    void zeroWeightMixnodesOnlyFillWhatPositiveWeightsCannot() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(weighted(1, ENTRY, "1"));
        candidates.add(weighted(2, EXIT, "1"));
        for (long id = 3; id <= 6; id++) {
            candidates.add(weighted(id, MIX, "0.000001"));
        }
        for (long id = 7; id <= 12; id++) {
            candidates.add(weighted(id, MIX, "0"));
        }
        for (int s = 0; s < 50; s++) {
            RewardedSet set = RewardedSetSelection.select(seed(s), new RewardedSetSizes(2, 1, 6, 1), candidates, Map.of()).rewardedSet();
            List<NodeId> mix = new ArrayList<>(set.layer1());
            mix.addAll(set.layer2());
            mix.addAll(set.layer3());
            assertThat(mix).containsExactlyInAnyOrder(NodeId.of(3), NodeId.of(4), NodeId.of(5), NodeId.of(6), NodeId.of(7), NodeId.of(8));
            assertThat(set.standby()).containsExactly(NodeId.of(9));
        }
    }

    @Test
    void candidatesOutOfOrderAreRefused() {
        List<Candidate> candidates = List.of(weighted(2, MIX, "1"), weighted(1, MIX, "1"));
        assertThatThrownBy(() -> RewardedSetSelection.select(seed(1), GOLDEN_SIZES, candidates, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    }

    private static Candidate byId(List<Candidate> candidates, NodeId id) {
        return candidates.stream().filter(c -> c.nodeId().equals(id)).findFirst().orElseThrow();
    }

    static List<NodeId> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(NodeId::of).toList();
    }
}
