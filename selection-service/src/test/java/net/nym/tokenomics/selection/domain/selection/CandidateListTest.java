package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.domain.selection.CandidateList.BondedNode;
import net.nym.tokenomics.selection.domain.selection.CandidateList.NodeStake;
import net.nym.tokenomics.selection.domain.selection.CandidateList.StakeSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateListTest {

    @Test
    void buildsOrderedCandidatesWithExactWeights() {
        List<BondedNode> bonded = List.of(
                new BondedNode(NodeId.of(9), "n1c", DeclaredRoles.fromNodeRoles(true, false, false, false)),
                new BondedNode(NodeId.of(2), "n1a", DeclaredRoles.fromNodeRoles(false, true, true, true)),
                new BondedNode(NodeId.of(5), "n1b", DeclaredRoles.fromNodeRoles(false, false, true, true)),
                new BondedNode(NodeId.of(7), "n1d", DeclaredRoles.fromNodeRoles(false, true, false, false)));
        StakeSnapshot snapshot = new StakeSnapshot(Decimal.parse("1000000"), Map.of(
                NodeId.of(9), new NodeStake(Decimal.parse("400000"), Decimal.parse("100000.5")),
                NodeId.of(2), new NodeStake(Decimal.parse("2000000"), Decimal.ZERO),
                NodeId.of(5), new NodeStake(Decimal.parse("1000000"), Decimal.ZERO)));
        Map<NodeId, Percent> performance = Map.of(NodeId.of(9), Percent.naiveFromF64OrZero(0.99), NodeId.of(2), Percent.HUNDRED);

        List<Candidate> candidates = CandidateList.build(bonded, snapshot, performance);

        // Node 5 declares no role (NR and IPR without gateway): not eligible. Node 7 has no stake: weight 0, still a candidate.
        assertThat(candidates).extracting(c -> c.nodeId().value()).containsExactly(2L, 7L, 9L);
        assertThat(candidates.get(0).saturation()).isEqualTo(Decimal.ONE);
        assertThat(candidates.get(0).weight()).isEqualTo(Decimal.ONE);
        assertThat(candidates.get(0).roles()).isEqualTo(new DeclaredRoles(false, true, true));
        assertThat(candidates.get(1).weight()).isEqualTo(Decimal.ZERO);
        assertThat(candidates.get(1).performance()).isEqualTo(Percent.ZERO);
        assertThat(candidates.get(2).stake()).isEqualTo(Decimal.parse("500000.5"));
        assertThat(candidates.get(2).saturation()).isEqualTo(Decimal.parse("0.5000005"));
        // 0.5000005 x 0.817906937597230715, floored
        assertThat(candidates.get(2).weight()).isEqualTo(Decimal.parse("0.408953877752084156"));
    }
}
