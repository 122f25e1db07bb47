package net.nym.tokenomics.simulator.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a synthetic network like the tokenomics paper's setup: Pareto-distributed pledges and delegations, operators
 * running several nodes, a share of gateways (some exit-capable), outdated versions, flaky and unreachable nodes.
 * Everything follows from the seed, so a run can be repeated exactly.
 */
public final class NetworkGenerator {

    public static final String LATEST_VERSION = "1.4.0";
    /** Release history appended to performance-service before the run, oldest first. */
    public static final List<String> RELEASES = List.of("1.1.0", "1.2.0", "1.3.0", "1.3.2", "1.4.0");

    /** Minimum pledge of the contract: 100 NYM. */
    private static final long MIN_PLEDGE = 100_000_000L;

    public record Network(List<SimNode> nodes, List<SimDelegation> delegations, List<String> operators,
                          List<String> delegators) { }

    private final SplittableRandom random;

    public NetworkGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Network generate(int nodeCount, int delegatorCount, int delegationsPerDelegator) {
        List<SimNode> nodes = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        int index = 0;
        while (index < nodeCount) {
            String operator = "n1operator" + operators.size();
            operators.add(operator);
            // Most operators run one node, some run several (geometric).
            int owned = 1;
            while (owned < 4 && random.nextDouble() < 0.35) {
                owned++;
            }
            for (int k = 0; k < owned && index < nodeCount; k++, index++) {
                // The contract bonds one node per account: an operator with several nodes uses one account for each.
                nodes.add(node(index, owned == 1 ? operator : operator + "-" + k));
            }
        }
        List<String> delegators = new ArrayList<>();
        List<SimDelegation> delegations = new ArrayList<>();
        for (int d = 0; d < delegatorCount; d++) {
            String delegator = "n1delegator" + d;
            delegators.add(delegator);
            java.util.Set<Integer> chosen = new java.util.TreeSet<>();
            while (chosen.size() < Math.min(delegationsPerDelegator, nodeCount)) {
                chosen.add(random.nextInt(nodeCount));
            }
            for (int n : chosen) {
                delegations.add(new SimDelegation(delegator, n, pareto(10_000_000L, 1.2, 5_000_000_000_000L)));
            }
        }
        return new Network(List.copyOf(nodes), List.copyOf(delegations), List.copyOf(operators), List.copyOf(delegators));
    }

    private SimNode node(int index, String operator) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        double role = random.nextDouble();
        boolean mix = role < 0.6;
        boolean exit = !mix && role < 0.8;
        boolean entry = !mix;
        String version = random.nextDouble() < 0.8 ? LATEST_VERSION : RELEASES.get(random.nextInt(RELEASES.size() - 1));
        boolean reachable = random.nextDouble() >= 0.02;
        boolean flaky = random.nextDouble() < 0.1;
        int reliability = flaky ? 30 + random.nextInt(60) : 95 + random.nextInt(6);
        // Loopback addresses 127.1.x.y: each node gets its own address for its self-described API.
        String host = "127.1." + (index / 250) + "." + (index % 250 + 1);
        return new SimNode(index, operator, seed, host, mix, entry, exit,
                pareto(MIN_PLEDGE, 1.5, 10_000_000_000_000L), 10 + random.nextInt(41), 40_000_000L + random.nextInt(4) * 20_000_000L,
                version, random.nextDouble() < 0.95, reachable, reliability);
    }

    /** Pareto(xm, alpha), capped: xm / U^(1/alpha). */
    private long pareto(long xm, double alpha, long cap) {
        double u = 1.0 - random.nextDouble();
        return (long) Math.min(cap, xm / Math.pow(u, 1.0 / alpha));
    }
}
