package net.nym.tokenomics.simulator;

import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.simulator.identity.AccountTokens;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;
import net.nym.tokenomics.simulator.network.Genesis;
import net.nym.tokenomics.simulator.network.NetworkGenerator;
import net.nym.tokenomics.simulator.network.SimNode;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.signing.GatewaySignatures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorPiecesTest {

    @Test
    void theSameSeedGivesTheSameNetwork() {
        var a = new NetworkGenerator(7).generate(200, 50, 3);
        var b = new NetworkGenerator(7).generate(200, 50, 3);
        assertThat(a.nodes()).hasSize(200);
        assertThat(a.nodes().stream().map(SimNode::pledgeUnym).toList()).isEqualTo(b.nodes().stream().map(SimNode::pledgeUnym).toList());
        assertThat(a.delegations()).isEqualTo(b.delegations());
        assertThat(new NetworkGenerator(8).generate(200, 50, 3).delegations()).isNotEqualTo(a.delegations());
    }

    @Test
    void theNetworkLooksLikeThePapersSetup() {
        var net = new NetworkGenerator(42).generate(2000, 500, 3);
        assertThat(net.nodes()).allMatch(n -> n.pledgeUnym() >= 100_000_000L, "pledge at least the contract minimum");
        assertThat(net.operators().size()).as("operators run several nodes").isLessThan(2000).isGreaterThan(1000);
        long outdated = net.nodes().stream().filter(n -> !n.version().equals(NetworkGenerator.LATEST_VERSION)).count();
        assertThat(outdated).isBetween(200L, 600L);
        assertThat(net.nodes().stream().filter(n -> !n.reachable()).count()).isBetween(10L, 100L);
        assertThat(net.nodes().stream().filter(SimNode::exit).allMatch(SimNode::entry)).isTrue();
        // Pareto: the top 10 % of pledges hold far more than 10 % of the total
        List<Long> pledges = net.nodes().stream().map(SimNode::pledgeUnym).sorted(java.util.Comparator.reverseOrder()).toList();
        long total = pledges.stream().mapToLong(Long::longValue).sum();
        long top = pledges.subList(0, 200).stream().mapToLong(Long::longValue).sum();
        assertThat((double) top / total).isGreaterThan(0.3);
        assertThat(net.nodes().stream().map(SimNode::host).distinct().count()).isEqualTo(2000);
    }

    @Test
    void theGenesisFundsEveryAccountForWhatItStakesAndRewardsServiceAcceptsIt() {
        var cfg = Simulator.defaults();
        cfg.putAll(java.util.Map.of("nodes", "300", "delegators", "100", "seed", "5"));
        var network = Simulator.network(cfg);
        Genesis genesis = Simulator.genesis(cfg);
        var allocation = net.nym.tokenomics.rewards.application.GenesisFile.parse("simulated",
                genesis.json().getBytes(StandardCharsets.UTF_8));
        assertThat(allocation.mixminingPool()).as("the pool rewards-service is configured with").isEqualTo(Genesis.DEFAULT_REWARD_POOL);
        assertThat(allocation.totalSupply()).isEqualTo(BigInteger.TEN.pow(15));
        assertThat(allocation.treasury()).isEqualTo("n1treasury");
        java.util.Map<String, BigInteger> balances = new java.util.HashMap<>();
        allocation.balances().forEach(b -> balances.put(b.account(), b.amount()));
        for (SimNode n : network.nodes()) {
            assertThat(balances.get(n.operator())).as("%s funds its pledge", n.operator())
                    .isEqualTo(BigInteger.valueOf(n.pledgeUnym()).add(Genesis.OPERATOR_MARGIN));
        }
        java.util.Map<String, BigInteger> delegated = new java.util.HashMap<>();
        network.delegations().forEach(d -> delegated.merge(d.delegator(), BigInteger.valueOf(d.amountUnym()), BigInteger::add));
        delegated.forEach((d, sum) -> assertThat(balances.get(d)).as("%s funds its delegations", d)
                .isEqualTo(sum.add(Genesis.DELEGATOR_MARGIN)));
        assertThat(balances).hasSize(network.nodes().size() + network.delegators().size() + 1);
        assertThat(balances.get("n1treasury")).isEqualTo(genesis.treasuryBalance()).isPositive();
    }

    @Test
    void signaturesVerifyWithTheServicesOwnVerifiers() {
        Ed25519Identity id = new Ed25519Identity(new byte[32]);
        List<MonitorResult> results = List.of(new MonitorResult(3, id.publicKeyBase58(), 97));
        byte[] message = SignedMonitorPayload.bytes(results, 1_700_000_000L);
        byte[] signature = id.sign(message);
        assertThat(Ed25519.verify(Base58.decode(id.publicKeyBase58(), Ed25519.KEY_BYTES), message, signature)).isTrue();
        assertThat(GatewaySignatures.verify(new GatewayIdentity(id.publicKeyBase58()), message, id.signBase58(message))).isTrue();
        message[0] ^= 1;
        assertThat(Ed25519.verify(Base58.decode(id.publicKeyBase58(), Ed25519.KEY_BYTES), message, signature)).isFalse();
        assertThat(new Ed25519Identity(new byte[32]).publicKeyBase58()).isEqualTo(id.publicKeyBase58());
    }

    @Test
    void accountTokensAreRs256SignedWithTheLocalKey(@TempDir Path dir) throws Exception {
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        var pair = kpg.generateKeyPair();
        Files.writeString(dir.resolve("jwt-private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        String jwt = new AccountTokens(dir.resolve("jwt-private.pem")).bearer("n1alice", 1_700_000_000L, "account").substring(7);
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(pair.getPublic());
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(s.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"n1alice\"").contains("\"iss\":\"nym-tokenomics\"").contains("\"groups\":[\"account\"]");
    }
}
