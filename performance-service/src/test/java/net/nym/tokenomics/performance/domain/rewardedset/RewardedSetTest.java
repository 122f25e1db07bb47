package net.nym.tokenomics.performance.domain.rewardedset;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RewardedSetTest {

    private static RewardedSet set(long epoch, List<Long> entry, List<Long> l1, List<Long> l2, List<Long> l3,
                                   List<Long> exit, List<Long> standby) {
        return RewardedSet.of(epoch, entry, l1, l2, l3, exit, standby);
    }

    @Test
    void everyListGivesItsRoleWithNymApisDisplayNames() {
        RewardedSet s = set(7, List.of(1L), List.of(2L), List.of(3L), List.of(4L), List.of(5L), List.of(6L));
        assertThat(List.of(1L, 2L, 3L, 4L, 5L, 6L)).map(id -> s.roleOf(id).orElseThrow().displayName())
                .containsExactly("entryGateway", "layer1", "layer2", "layer3", "exitGateway", "standby");
        assertThat(s.roleOf(99)).isEmpty();
        assertThat(RewardedSet.NONE.roleOf(1)).isEmpty();
    }

    @Test
    void aNodeListedTwiceKeepsTheFirstRoleInChainOrder() {
        RewardedSet s = set(7, List.of(), List.of(), List.of(), List.of(9L), List.of(9L), List.of(9L));
        assertThat(s.roleOf(9)).contains(RewardedRole.LAYER3);
    }

    @Test
    void missingListsAreEmpty() {
        RewardedSet s = set(7, null, List.of(2L), null, null, null, null);
        assertThat(s.roles()).containsOnlyKeys(2L);
    }

    @Test
    void theCurrentSetIsTheHighestEpochsEvenWhenAnOlderOneArrivesLater() {
        RewardedSet e10 = set(10, List.of(1L), List.of(), List.of(), List.of(), List.of(), List.of());
        RewardedSet e11 = set(11, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(1L));
        RewardedSet e9 = set(9, List.of(), List.of(1L), List.of(), List.of(), List.of(), List.of());
        RewardedSet current = RewardedSet.NONE.evolve(e10).evolve(e11).evolve(e9);
        assertThat(current.epoch()).isEqualTo(11);
        assertThat(current.roleOf(1)).contains(RewardedRole.STANDBY);
    }
}
