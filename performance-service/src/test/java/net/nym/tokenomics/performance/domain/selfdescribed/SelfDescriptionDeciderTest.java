package net.nym.tokenomics.performance.domain.selfdescribed;

import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider.ProbeRejection;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider.RecordProbeResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SelfDescriptionDeciderTest {

    private static final Instant T = Instant.parse("2026-05-16T00:00:00Z");

    private static NodeFact described(long id, Instant at, String version) {
        return new NodeFact.NodeDescribed(id, at, true, "nym-node", version, new NodeRoles(true, false, true), true);
    }

    @Test
    void recordsDescribedAndUnreachableFacts() {
        SelfDescriptionHistory h = SelfDescriptionHistory.EMPTY;
        for (NodeFact f : List.of(described(1, T, "1.4.0"), new NodeFact.NodeUnreachable(1, T.plusSeconds(4500), "timeout"))) {
            var d = SelfDescriptionDecider.decide(new RecordProbeResult(f), h);
            assertThat(d).isEqualTo(Decision.accept(f));
            h = SelfDescriptionDecider.evolve(h, f);
        }
        assertThat(h.facts(1)).hasSize(2);
        assertThat(h.latest(1)).containsInstanceOf(NodeFact.NodeUnreachable.class);
    }

    @Test
    void rejectsAFactNotAfterTheLatestObservation() {
        NodeFact first = described(1, T, "1.4.0");
        SelfDescriptionHistory h = SelfDescriptionDecider.evolve(SelfDescriptionHistory.EMPTY, first);
        for (Instant at : List.of(T, T.minusSeconds(1))) {
            assertThat(SelfDescriptionDecider.decide(new RecordProbeResult(described(1, at, "1.4.1")), h))
                    .isEqualTo(Decision.reject(new ProbeRejection.NotAfterLatestObservation(1, at, T)));
        }
        // Another node has its own timeline.
        assertThat(SelfDescriptionDecider.decide(new RecordProbeResult(described(2, T.minusSeconds(1), "1.4.0")), h))
                .isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void latestAtOrBeforeIsInclusive() {
        SelfDescriptionHistory h = SelfDescriptionHistory.of(List.of(described(1, T, "1.3.0"),
                described(1, T.plusSeconds(100), "1.4.0")));
        assertThat(h.latestAtOrBefore(1, T.minusMillis(1))).isEmpty();
        assertThat(h.latestAtOrBefore(1, T)).contains(described(1, T, "1.3.0"));
        assertThat(h.latestAtOrBefore(1, T.plusSeconds(99))).contains(described(1, T, "1.3.0"));
        assertThat(h.latestAtOrBefore(1, T.plusSeconds(100))).contains(described(1, T.plusSeconds(100), "1.4.0"));
        assertThat(h.latestAtOrBefore(2, T.plusSeconds(100))).isEmpty();
    }

    @Test
    void evolveIsTotalAndFoldingTwiceGivesTheSameState() {
        SplittableRandom random = new SplittableRandom(7);
        List<NodeFact> facts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long id = random.nextInt(5);
            Instant at = T.plusSeconds(random.nextInt(50)); // repeats and out-of-order on purpose
            facts.add(random.nextBoolean() ? described(id, at, "1." + random.nextInt(5) + ".0")
                    : new NodeFact.NodeUnreachable(id, at, "r" + i));
        }
        SelfDescriptionHistory a = SelfDescriptionHistory.EMPTY;
        SelfDescriptionHistory b = SelfDescriptionHistory.EMPTY;
        for (NodeFact f : facts) {
            a = SelfDescriptionDecider.evolve(a, f);
        }
        for (NodeFact f : facts) {
            b = SelfDescriptionDecider.evolve(b, f);
        }
        assertThat(a).isEqualTo(b);
        // Same as the bulk builder: sorted by time, first fact kept for a repeated instant.
        assertThat(a).isEqualTo(SelfDescriptionHistory.of(facts));
        for (long id = 0; id < 5; id++) {
            List<NodeFact> list = a.facts(id);
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).observedAt()).isAfter(list.get(i - 1).observedAt());
            }
        }
    }
}
