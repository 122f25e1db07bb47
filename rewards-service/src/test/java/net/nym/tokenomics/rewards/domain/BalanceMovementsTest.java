package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.BalanceMovements.Movement;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BalanceMovements#of}: the liquid-balance movements of each kind of event, as a table. */
class BalanceMovementsTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static Movement m(String account, String kind, Long node, String counterparty, long change) {
        return new Movement(account, kind, node, counterparty, BigInteger.valueOf(change));
    }

    @Test
    void eachEventMovesTheBalancesItShould() {
        // node 7 is owned by "op" in the state before every event
        record Row(LedgerEvent event, List<Movement> expected) {
        }
        List<Row> table = List.of(
                new Row(new LedgerEvent.TokensTransferred(AT, "a", "b", Unym.of(30)),
                        List.of(m("a", "transfer_out", null, "b", -30), m("b", "transfer_in", null, "a", 30))),
                new Row(new LedgerEvent.EpochEventQueued(AT, new PendingEpochEvent.DelegationRequest(1, AT, "d", 7, Unym.of(500))),
                        List.of(m("d", "delegate", 7L, null, -500))),
                new Row(new LedgerEvent.EpochEventQueued(AT, new PendingEpochEvent.PledgeIncrease(2, AT, 7, Unym.of(40))),
                        List.of(m("op", "pledge_more", 7L, null, -40))),
                new Row(new LedgerEvent.PledgeDecreased(AT, 3, 7, Unym.of(25), Unym.of(975), Decimal.parse("975")),
                        List.of(m("op", "pledge_decreased", 7L, null, 25))),
                new Row(new LedgerEvent.DelegationRemoved(AT, 4, 7, "d", Unym.of(500), Decimal.parse("512.9"), Unym.of(512),
                        Decimal.parse("975"), Decimal.ZERO, 0, false),
                        List.of(m("d", "undelegated", 7L, null, 512))),
                new Row(new LedgerEvent.PledgeIncreased(AT, 5, 7, Unym.of(40), Unym.of(1015), Decimal.parse("1015")),
                        List.of()));
        for (Row row : table) {
            assertThat(BalanceMovements.of(row.event(), node -> node == 7 ? "op" : "nobody"))
                    .as(row.event().getClass().getSimpleName()).containsExactlyElementsOf(row.expected());
        }
    }
}
