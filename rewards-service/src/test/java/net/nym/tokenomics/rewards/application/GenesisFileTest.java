package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.rewards.domain.LedgerCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The genesis file (docs/genesis.md): what it accepts, and the message a bad one stops the service with. */
class GenesisFileTest {

    private static final String GOOD = """
            {"format": "nym-tokenomics-genesis/1", "total_supply": "1000", "mixmining_pool": "400", "vesting_tokens": "50",
             "treasury": "n1t", "balances": [{"address": "n1t", "amount": "500"}, {"address": "n1a", "amount": "100"}]}""";

    private static LedgerCommand.GenesisAllocation parse(String json) {
        return GenesisFile.parse("genesis.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodFilePlacesEveryToken() {
        LedgerCommand.GenesisAllocation a = parse(GOOD);
        assertThat(a.totalSupply()).isEqualTo(BigInteger.valueOf(1000));
        assertThat(a.mixminingPool()).isEqualTo(BigInteger.valueOf(400));
        assertThat(a.vestingTokens()).isEqualTo(BigInteger.valueOf(50));
        assertThat(a.treasury()).isEqualTo("n1t");
        assertThat(a.balances()).containsExactly(new LedgerCommand.Allocation("n1t", BigInteger.valueOf(500)),
                new LedgerCommand.Allocation("n1a", BigInteger.valueOf(100)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "format        | \"nym-tokenomics-genesis/1\"        | \"other/9\"                            | format",
            "sum           | \"total_supply\": \"1000\"          | \"total_supply\": \"1001\"             | total_supply",
            "not digits    | \"mixmining_pool\": \"400\"         | \"mixmining_pool\": \"4e2\"            | mixmining_pool",
            "negative      | \"vesting_tokens\": \"50\"          | \"vesting_tokens\": \"-5\"             | vesting_tokens",
            "vesting       | \"vesting_tokens\": \"50\"          | \"vesting_tokens\": \"601\"            | vesting_tokens",
            "twice         | \"address\": \"n1a\"                | \"address\": \"n1t\"                   | balances[1].address",
            "zero          | \"amount\": \"100\"                 | \"amount\": \"0\"                      | balances[1].amount",
            "blank         | \"treasury\": \"n1t\"               | \"treasury\": \" \"                    | treasury",
            "unknown field | \"treasury\": \"n1t\"               | \"treasury\": \"n1t\", \"mint\": \"1\" | mint",
            "duplicate key | \"treasury\": \"n1t\"               | \"treasury\": \"n1t\", \"treasury\": \"x\" | treasury"})
    void aBadFileIsRefusedNamingTheFileAndTheField(String name, String from, String to, String field) {
        String json = GOOD.replace(from, to);
        assertThat(json).as(name).isNotEqualTo(GOOD);
        assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("genesis.json").hasMessageContaining(field);
    }

    @Test
    void notJsonOrAMissingFileIsRefusedWithTheFileName() {
        assertThatThrownBy(() -> parse("{")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("genesis.json");
        assertThatThrownBy(() -> GenesisFile.read(java.nio.file.Path.of("/nonexistent/genesis.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nonexistent/genesis.json");
    }
}
