package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionProofTest {

    /** The canonical text's own decimal formatting must give exactly {@link Decimal#toString()}: the digest depends on it. */
    @Test
    void canonicalDecimalsAreDecimalToString() {
        Random r = new Random(9);
        String[] edges = {"0", "1", "0.5", "0.000000000000000001", "0.1", "10", "9.223372036854775807",
                "9.223372036854775808", "100.000000000000000001", "1000000000000000000", "340282366920938463463.374607431768211455"};
        for (String e : edges) {
            assertThat(SelectionProof.decimal(new StringBuilder(), Decimal.parse(e)).toString()).isEqualTo(e);
        }
        for (int i = 0; i < 200_000; i++) {
            BigInteger atomics = switch (i % 4) {
                case 0 -> BigInteger.valueOf(r.nextLong() >>> 1);
                case 1 -> BigInteger.valueOf(r.nextLong() >>> 1).divide(BigInteger.TEN.pow(r.nextInt(19))).multiply(BigInteger.TEN.pow(r.nextInt(10)));
                case 2 -> BigInteger.valueOf(r.nextInt(1000)).multiply(BigInteger.TEN.pow(r.nextInt(19)));
                default -> new BigInteger(1 + r.nextInt(128), r);
            };
            if (atomics.bitLength() > 128) {
                continue;
            }
            Decimal d = Decimal.ofAtomics(atomics);
            assertThat(SelectionProof.decimal(new StringBuilder(), d).toString()).isEqualTo(d.toString());
        }
    }

    /** The canonical text as first specified, written plainly with Strings; the byte writer must give exactly this. */
    private static String reference(SelectionProof p) {
        StringBuilder b = new StringBuilder();
        b.append(SelectionProof.FORMAT).append('\n');
        b.append("epoch=").append(p.epochId()).append('\n');
        b.append("seed_input=").append(p.seedInput().canonical()).append('\n');
        b.append("seed=").append(p.seed().hex()).append('\n');
        b.append("sizes=").append(p.sizes().entryGateways()).append(',').append(p.sizes().exitGateways()).append(',')
                .append(p.sizes().mixnodes()).append(',').append(p.sizes().standby()).append('\n');
        b.append("stake_saturation_point=").append(p.stakeSaturationPoint()).append('\n');
        b.append("candidates=").append(p.candidates().size()).append('\n');
        for (Candidate c : p.candidates()) {
            b.append("candidate=").append(c.nodeId()).append(',').append(c.roles().code()).append(',')
                    .append(c.owner().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append(':').append(c.owner())
                    .append(',').append(c.stake()).append(',').append(c.saturation()).append(',').append(c.performance())
                    .append(',').append(c.weight()).append('\n');
        }
        b.append("previous_layers=").append(p.previousLayers().size()).append('\n');
        p.previousLayers().forEach((id, l) -> b.append("previous_layer=").append(id).append(',').append(l.number()).append('\n'));
        p.result().named().forEach((name, ids) -> b.append(name).append('=')
                .append(String.join(",", ids.stream().map(NodeId::toString).toList())).append('\n'));
        b.append("shortfall=").append(p.shortfall().entryGateways()).append(',').append(p.shortfall().exitGateways()).append(',')
                .append(p.shortfall().mixnodes()).append(',').append(p.shortfall().standby()).append('\n');
        return b.toString();
    }

    @Test
    void theDigestIsSha256OfTheCanonicalTextAsSpecified() {
        Random r = new Random(17);
        String[] owners = {"n1alice", "n1dävé", "", "n1 \"q\", x", "n1😀", "x".repeat(70_000)};
        java.util.List<Candidate> cs = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Decimal[] d = new Decimal[4];
            for (int k = 0; k < 4; k++) {
                d[k] = switch (r.nextInt(4)) {
                    case 0 -> Decimal.ZERO;
                    case 1 -> Decimal.ofAtomics(BigInteger.valueOf(r.nextLong() >>> 1));
                    case 2 -> Decimal.ofAtomics(new BigInteger(1 + r.nextInt(128), r));
                    default -> Decimal.ofAtomics(BigInteger.valueOf(r.nextInt(1_000_000_001)).multiply(BigInteger.TEN.pow(9)));
                };
            }
            cs.add(new Candidate(NodeId.of(3L * i + r.nextInt(3)), owners[r.nextInt(owners.length)],
                    new DeclaredRoles(r.nextBoolean(), r.nextBoolean(), r.nextBoolean()), d[0], d[1],
                    net.nym.tokenomics.eventlog.decimal.Percent.of(d[3].min(Decimal.ONE)), d[2]));
        }
        java.util.List<NodeId> ids = cs.stream().map(Candidate::nodeId).toList();
        SelectionProof p = new SelectionProof(-3, new SeedInput.Beacon("ab".repeat(300)), new Seed("ab".repeat(300)),
                new RewardedSetSizes(10, 20, 30, 0), Decimal.parse("1234.5"), cs,
                new java.util.TreeMap<>(java.util.Map.of(ids.get(7), Layer.LAYER3, ids.get(9), Layer.LAYER1)),
                new RewardedSet(ids.subList(0, 10), ids.subList(10, 30), ids.subList(30, 40), List.of(), ids.subList(40, 60), List.of()),
                new Shortfall(0, -1, 2, 3), Digest.ZERO);
        String text = reference(p);
        assertThat(p.canonicalText()).isEqualTo(text);
        assertThat(p.computeDigest()).isEqualTo(Digest.sha256(text));
    }
}
