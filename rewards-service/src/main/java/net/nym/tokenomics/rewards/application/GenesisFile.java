package net.nym.tokenomics.rewards.application;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.rewards.domain.LedgerCommand;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The genesis file (docs/genesis.md): where every token is when the network starts.
 * <pre>
 * {
 *   "format": "nym-tokenomics-genesis/1",
 *   "total_supply": "1000000000000000",
 *   "mixmining_pool": "250000000000000",
 *   "vesting_tokens": "0",
 *   "treasury": "n1treasury",
 *   "balances": [ {"address": "n1treasury", "amount": "749000000000000"}, {"address": "n1alice", "amount": "1000000000000"} ]
 * }
 * </pre>
 * Amounts are uNYM as strings of digits. The mixmining pool is the reward pool; the total supply must be the pool
 * plus every balance exactly. Any problem is an {@link IllegalArgumentException} that names the file and the field,
 * so that the service refuses to start with a message an operator can act on.
 */
public final class GenesisFile {

    public static final String FORMAT = "nym-tokenomics-genesis/1";
    /** More accounts than a genesis of a real network holds; a bound on what start-up reads. */
    public static final int MAX_BALANCES = 1_000_000;
    private static final int MAX_ADDRESS = 128;

    record BalanceJson(String address, String amount) {
    }

    record FileJson(String format, String totalSupply, String mixminingPool, String vestingTokens, String treasury,
                    List<BalanceJson> balances) {
    }

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GenesisFile() {
    }

    /** Reads and checks the file; the domain checks the sums again when the ledger is initialized. */
    public static LedgerCommand.GenesisAllocation read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("genesis file " + path + " cannot be read: " + e.getMessage(), e);
        }
        return parse(path.toString(), bytes);
    }

    /** Parses the file's bytes ({@code name} is for messages). */
    public static LedgerCommand.GenesisAllocation parse(String name, byte[] bytes) {
        FileJson f;
        try {
            f = MAPPER.readValue(bytes, FileJson.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("genesis file " + name + " is not valid: " + e.getMessage(), e);
        }
        if (f == null || !FORMAT.equals(f.format())) {
            throw bad(name, "format", "must be \"" + FORMAT + "\"");
        }
        BigInteger total = amount(name, "total_supply", f.totalSupply());
        BigInteger pool = amount(name, "mixmining_pool", f.mixminingPool());
        BigInteger vesting = f.vestingTokens() == null ? BigInteger.ZERO : amount(name, "vesting_tokens", f.vestingTokens());
        String treasury = address(name, "treasury", f.treasury());
        if (f.balances() == null) {
            throw bad(name, "balances", "is required (a list of {address, amount})");
        }
        if (f.balances().size() > MAX_BALANCES) {
            throw bad(name, "balances", "has " + f.balances().size() + " entries, at most " + MAX_BALANCES + " are accepted");
        }
        List<LedgerCommand.Allocation> balances = new ArrayList<>(f.balances().size());
        Set<String> seen = new HashSet<>();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < f.balances().size(); i++) {
            BalanceJson b = f.balances().get(i);
            String field = "balances[" + i + "]";
            if (b == null) {
                throw bad(name, field, "is null");
            }
            String address = address(name, field + ".address", b.address());
            BigInteger amount = amount(name, field + ".amount", b.amount());
            if (amount.signum() == 0) {
                throw bad(name, field + ".amount", "must be greater than zero");
            }
            if (!seen.add(address)) {
                throw bad(name, field + ".address", address + " is listed twice");
            }
            sum = sum.add(amount);
            balances.add(new LedgerCommand.Allocation(address, amount));
        }
        if (!pool.add(sum).equals(total)) {
            throw bad(name, "total_supply", total + " uNYM, but mixmining_pool " + pool + " plus the balances " + sum
                    + " is " + pool.add(sum) + ": every token must be somewhere");
        }
        if (vesting.compareTo(sum) > 0) {
            throw bad(name, "vesting_tokens", vesting + " exceeds the allocated balances " + sum);
        }
        return new LedgerCommand.GenesisAllocation(total, pool, vesting, treasury, balances);
    }

    private static BigInteger amount(String name, String field, String text) {
        if (text == null || text.isEmpty() || text.length() > 39 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(name, field, "must be a whole uNYM amount as a string of digits");
        }
        return new BigInteger(text);
    }

    private static String address(String name, String field, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_ADDRESS || !text.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw bad(name, field, "must be an account address of 1.." + MAX_ADDRESS + " printable ASCII characters");
        }
        return text;
    }

    private static IllegalArgumentException bad(String name, String field, String problem) {
        return new IllegalArgumentException("genesis file " + name + ": " + field + " " + problem);
    }
}
