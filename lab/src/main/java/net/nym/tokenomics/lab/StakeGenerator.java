package net.nym.tokenomics.lab;

import net.nym.tokenomics.selection.domain.selection.Seed;
import net.nym.tokenomics.selection.domain.selection.Sha256CounterRandom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Pledges and delegations of {@code N} candidates as §5.5 describes and the paper's simulator draws them: a fraction
 * of {@code K} saturated pledges (the "whales"), a fraction of {@code N} minimum pledges, the rest a Pareto share of
 * what remains of the pledge budget (capped below saturation, renormalised); then delegation, in node order, of a
 * uniform amount between zero and what the node lacks to saturation, pass after pass, until the delegation budget is
 * spent. Doubles are used here only, for the draws; each stake is converted once to whole uNYM.
 *
 * <p>Randomness is the project's {@link Sha256CounterRandom}, seeded by SHA-256 of the scenario seed, a purpose and the
 * month, so the same scenario and seed draw the same network on every machine.
 */
public final class StakeGenerator {

    /** One candidate's stake, whole uNYM. */
    public record Stake(BigInteger pledge, BigInteger delegated) {
    }

    private StakeGenerator() {
    }

    public static Sha256CounterRandom random(String seedHex, String purpose, long index) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new Seed(seedHex).bytes());
            sha.update(purpose.getBytes(StandardCharsets.UTF_8));
            sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(index).array());
            return new Sha256CounterRandom(Seed.of(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param saturationNym  the interval's per-node saturation point
     * @param pledgeBudget   NYM pledged over all candidates
     * @param delegateBudget NYM delegated over all candidates
     */
    public static Stake[] draw(Scenario.Nodes p, int candidates, int rewarded, double saturationNym, double pledgeBudget,
                               double delegateBudget, Sha256CounterRandom rng) {
        int whales = (int) Math.round(p.saturatedPledgesFractionOfK() * rewarded);
        int minimum = (int) Math.round(p.minimumPledgesFractionOfN() * candidates);
        int random = candidates - whales - minimum;
        double minPledge = p.minimumPledgeNym();
        double remaining = pledgeBudget - whales * saturationNym - (minimum + random) * minPledge;
        if (random < 0 || remaining < 0) {
            throw new IllegalArgumentException("pledge budget " + pledgeBudget + " cannot give " + whales
                    + " saturated and " + (minimum + random) + " minimum pledges");
        }
        double[] pledge = new double[candidates];
        double[] delegated = new double[candidates];
        for (int i = 0; i < whales; i++) {
            pledge[i] = saturationNym;
        }
        double[] excess = paretoShares(random, p.paretoShape(), remaining, saturationNym - minPledge, rng);
        for (int i = 0; i < random; i++) {
            pledge[whales + i] = minPledge + excess[i];
        }
        for (int i = whales + random; i < candidates; i++) {
            pledge[i] = minPledge;
        }
        double left = delegateBudget;
        boolean room = true;
        while (left > 0 && room) {
            room = false;
            for (int i = 0; i < candidates && left > 0; i++) {
                double gap = saturationNym - pledge[i] - delegated[i];
                if (gap > 0) {
                    room = true;
                    double sample = rng.nextDouble() * gap;
                    double given = Math.min(sample, left);
                    delegated[i] += given;
                    left -= given;
                }
            }
        }
        Stake[] out = new Stake[candidates];
        for (int i = 0; i < candidates; i++) {
            out[i] = new Stake(unym(pledge[i]), unym(delegated[i]));
        }
        return out;
    }

    /** Lomax (numpy's {@code pareto}) samples normalised to {@code total}, each capped at 98 % of {@code max}. */
    private static double[] paretoShares(int count, double shape, double total, double max, Sha256CounterRandom rng) {
        double[] share = new double[count];
        if (count == 0) {
            return share;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            share[i] = Math.pow(1 - rng.nextDouble(), -1 / shape) - 1;
            sum += share[i];
        }
        normalise(share, sum);
        for (int round = 0; round < 1000 && maxOf(share) * total > max; round++) {
            double s = 0;
            for (int i = 0; i < count; i++) {
                if (share[i] * total > max) {
                    share[i] = 0.98 * max / total;
                }
                s += share[i];
            }
            normalise(share, s);
        }
        for (int i = 0; i < count; i++) {
            share[i] = Math.min(share[i] * total, max);
        }
        return share;
    }

    private static void normalise(double[] v, double sum) {
        for (int i = 0; i < v.length; i++) {
            v[i] = sum > 0 ? v[i] / sum : 1.0 / v.length;
        }
    }

    private static double maxOf(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static BigInteger unym(double nym) {
        return java.math.BigDecimal.valueOf(nym).movePointRight(6).toBigInteger();
    }
}
