package net.nym.tokenomics.simulator.network;

import net.nym.tokenomics.eventlog.json.Json;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The genesis file of a simulated network (rewards-service's {@code rewards.genesis.file}, format
 * {@code nym-tokenomics-genesis/1}): the mixmining pool, every account the simulator acts for funded with what it
 * pledges or delegates plus a margin (for the stake it adds and the transfers it sends later), and the rest of the
 * total supply in the treasury's account.
 *
 * @param totalSupply   uNYM, the pool plus every balance
 * @param mixminingPool uNYM, becomes the reward pool: must be the one rewards-service is configured with
 *                      ({@code rewards.genesis.reward-pool}), or the rewards differ
 * @param treasury      the account holding the rest, which funds others by transfer
 * @param accounts      every other account's balance, in address order
 */
public record Genesis(BigInteger totalSupply, BigInteger mixminingPool, String treasury, Map<String, BigInteger> accounts) {

    public static final String FORMAT = "nym-tokenomics-genesis/1";
    /** 1,000,000,000 NYM, rewards-service's {@code rewards.genesis.total-supply}. */
    public static final BigInteger DEFAULT_TOTAL_SUPPLY = BigInteger.TEN.pow(15);
    /** rewards-service's {@code rewards.genesis.reward-pool}. */
    public static final BigInteger DEFAULT_REWARD_POOL = new BigInteger("244817525850285");
    public static final String DEFAULT_TREASURY = "n1treasury";
    /** On top of an operator's pledge: 1,000 NYM. */
    public static final BigInteger OPERATOR_MARGIN = BigInteger.valueOf(1_000_000_000L);
    /** On top of a delegator's delegations: 5,000 NYM, a few epochs of added stake (the simulator tops up beyond). */
    public static final BigInteger DELEGATOR_MARGIN = BigInteger.valueOf(5_000_000_000L);

    public Genesis {
        accounts = java.util.Collections.unmodifiableMap(new TreeMap<>(accounts));
        if (accounts.containsKey(treasury)) {
            throw new IllegalArgumentException("the treasury " + treasury + " is also one of the funded accounts");
        }
        if (treasuryBalance(totalSupply, mixminingPool, accounts).signum() < 0) {
            throw new IllegalArgumentException("the accounts need " + sum(accounts) + " uNYM, more than the total supply "
                    + totalSupply + " less the pool " + mixminingPool);
        }
    }

    /** Each node's operator account funded with its pledge, each delegator with its delegations, both plus a margin. */
    public static Genesis forNetwork(NetworkGenerator.Network net, BigInteger totalSupply, BigInteger mixminingPool, String treasury) {
        return new Genesis(totalSupply, mixminingPool, treasury, needs(net));
    }

    /** What each account of the network spends at set-up, plus its margin: what the genesis gives it. */
    public static Map<String, BigInteger> needs(NetworkGenerator.Network net) {
        Map<String, BigInteger> accounts = new TreeMap<>();
        for (SimNode n : net.nodes()) {
            accounts.merge(n.operator(), BigInteger.valueOf(n.pledgeUnym()).add(OPERATOR_MARGIN), BigInteger::add);
        }
        for (String d : net.delegators()) {
            accounts.merge(d, DELEGATOR_MARGIN, BigInteger::add);
        }
        for (SimDelegation d : net.delegations()) {
            accounts.merge(d.delegator(), BigInteger.valueOf(d.amountUnym()), BigInteger::add);
        }
        return accounts;
    }

    public BigInteger treasuryBalance() {
        return treasuryBalance(totalSupply, mixminingPool, accounts);
    }

    private static BigInteger treasuryBalance(BigInteger total, BigInteger pool, Map<String, BigInteger> accounts) {
        return total.subtract(pool).subtract(sum(accounts));
    }

    private static BigInteger sum(Map<String, BigInteger> accounts) {
        return accounts.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The file's JSON: the treasury first, then the accounts in address order; amounts as digit strings. */
    public String json() {
        List<Map<String, String>> balances = new ArrayList<>();
        if (treasuryBalance().signum() > 0) {
            balances.add(Map.of("address", treasury, "amount", treasuryBalance().toString()));
        }
        accounts.forEach((address, amount) -> balances.add(Map.of("address", address, "amount", amount.toString())));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("total_supply", totalSupply.toString());
        file.put("mixmining_pool", mixminingPool.toString());
        file.put("vesting_tokens", "0");
        file.put("treasury", treasury);
        file.put("balances", balances);
        return Json.write(file);
    }

    /** Writes {@link #json()} to {@code file} (its directory created if need be). */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json() + "\n");
        return file;
    }
}
