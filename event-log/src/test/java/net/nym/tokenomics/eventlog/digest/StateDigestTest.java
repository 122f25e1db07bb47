package net.nym.tokenomics.eventlog.digest;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class StateDigestTest {

    record NodeState(long nodeId, Decimal operator, Decimal delegates) { }

    @Test
    void sameStateSameDigestWhateverTheInsertionOrder() {
        Map<String, Object> a = new HashMap<>();
        a.put("zeta", new NodeState(2, Decimal.parse("1.5"), Decimal.ZERO));
        a.put("alpha", List.of(1, 2, 3));
        Map<String, Object> b = new TreeMap<>();
        b.put("alpha", List.of(1, 2, 3));
        b.put("zeta", new NodeState(2, Decimal.parse("1.50"), Decimal.ZERO));
        assertThat(StateDigest.of(a)).isEqualTo(StateDigest.of(b));
    }

    @Test
    void anyDigitChangesTheDigest() {
        NodeState s = new NodeState(7, Decimal.parse("10001363716.856243171496953611"), Decimal.parse("18001795950.260266049015866901"));
        NodeState t = new NodeState(7, Decimal.parse("10001363716.856243171496953611"), Decimal.parse("18001795950.260266049015866902"));
        assertThat(StateDigest.of(s)).isNotEqualTo(StateDigest.of(t));
    }

    @Test
    void theDigestIsAFixedFunctionOfTheCanonicalJson() {
        // A literal: any JVM, any run must produce exactly this. It is SHA-256 of
        // {"delegates":"0.5","node_id":1,"operator":"100"}.
        NodeState s = new NodeState(1, Decimal.of(100), Decimal.parse("0.5"));
        assertThat(StateDigest.sha256Hex("{\"delegates\":\"0.5\",\"node_id\":1,\"operator\":\"100\"}".getBytes()))
                .isEqualTo(StateDigest.of(s));
        assertThat(StateDigest.of(s)).isEqualTo("%s", StateDigest.of(new NodeState(1, Decimal.parse("100.000"), Decimal.parse("0.50"))));
        assertThat(StateDigest.chain(StateDigest.of(s), s)).isNotEqualTo(StateDigest.of(s)).hasSize(64);
    }
}
