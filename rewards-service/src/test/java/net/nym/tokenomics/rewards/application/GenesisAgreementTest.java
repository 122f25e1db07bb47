package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.IntervalClock;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GenesisAgreementTest {

    private static LedgerEvent.LedgerInitialized genesis(int epochsInInterval, RewardedSetParams sizes) {
        RewardingParams params = RewardingParams.initial(Decimal.parse("244817525850285"), Decimal.parse("100000000000000"),
                Percent.fromPercentageValue(50), Percent.fromPercentageValue(30), Decimal.parse("10"),
                Percent.fromPercentageValue(2), sizes, epochsInInterval, FeeIncomeParams.DISABLED);
        return new LedgerEvent.LedgerInitialized(Instant.EPOCH, params, ContractSettings.DEFAULT,
                IntervalClock.start(Instant.EPOCH, Duration.ofHours(1)));
    }

    private static final RewardedSetParams MAINNET = new RewardedSetParams(50, 70, 120, 0);

    @Test
    void theSameShapeAgrees() {
        assertThat(GenesisAgreement.disagreement(genesis(720, MAINNET), 720, MAINNET)).isEmpty();
    }

    @Test
    void anotherIntervalLengthOrSetSizeIsRefusedNamingBoth() {
        assertThat(GenesisAgreement.disagreement(genesis(720, MAINNET), 20, MAINNET)).hasValueSatisfying(why ->
                assertThat(why).contains("network.epochs-in-interval is 20 but the log's genesis has 720"));
        assertThat(GenesisAgreement.disagreement(genesis(720, MAINNET), 720, new RewardedSetParams(4, 4, 9, 3)))
                .hasValueSatisfying(why -> assertThat(why).contains("network.rewarded-set is 4 entry / 4 exit gateways, "
                        + "9 mixnodes, 3 standby but the log's genesis has 50 entry / 70 exit gateways, 120 mixnodes, 0 standby"));
        assertThat(GenesisAgreement.disagreement(genesis(720, MAINNET), 20, new RewardedSetParams(4, 4, 9, 3)))
                .hasValueSatisfying(why -> assertThat(why).contains("epochs-in-interval").contains("rewarded-set"));
    }

    @Test
    void aGenesisFileThatPlacesOtherTokensThanTheLoggedGenesisIsRefused() {
        String file = "{\"format\":\"nym-tokenomics-genesis/1\",\"total_supply\":\"1000\",\"mixmining_pool\":\"400\","
                + "\"treasury\":\"t\",\"balances\":[{\"address\":\"t\",\"amount\":\"500\"},{\"address\":\"a\",\"amount\":\"100\"}]}";
        var allocation = GenesisFile.parse("g.json", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var logged = new LedgerEvent.GenesisAllocated(Instant.EPOCH, net.nym.tokenomics.eventlog.decimal.Unym.of(1000),
                net.nym.tokenomics.eventlog.decimal.Unym.of(400), net.nym.tokenomics.eventlog.decimal.Unym.ZERO, "t",
                java.util.List.of(new LedgerEvent.Allocated("a", net.nym.tokenomics.eventlog.decimal.Unym.of(100)),
                        new LedgerEvent.Allocated("t", net.nym.tokenomics.eventlog.decimal.Unym.of(500))));
        assertThat(GenesisAgreement.allocationDisagreement(logged, allocation, "g.json")).isEmpty();
        var other = new LedgerEvent.GenesisAllocated(Instant.EPOCH, net.nym.tokenomics.eventlog.decimal.Unym.of(1000),
                net.nym.tokenomics.eventlog.decimal.Unym.of(400), net.nym.tokenomics.eventlog.decimal.Unym.ZERO, "t",
                java.util.List.of(new LedgerEvent.Allocated("a", net.nym.tokenomics.eventlog.decimal.Unym.of(101)),
                        new LedgerEvent.Allocated("t", net.nym.tokenomics.eventlog.decimal.Unym.of(499))));
        assertThat(GenesisAgreement.allocationDisagreement(other, allocation, "g.json")).hasValueSatisfying(why ->
                assertThat(why).contains("g.json").contains("balances"));
    }
}
