package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketValueTest {

    private static final Unym DEPOSIT = Unym.of(75_000_000L);

    /** TV-9: floor(deposit * n / 50) with the contract tests' deposit of 75,000,000 uNYM. */
    @ParameterizedTest(name = "n = {0} -> {1} uNYM")
    @CsvSource({"1, 1500000", "7, 10500000", "50, 75000000"})
    void historicalPayoutMatchesTv9(long tickets, String payout) {
        assertThat(TicketValue.historicalPayout(DEPOSIT, tickets)).isEqualTo(Unym.parse(payout));
        assertThat(TicketValue.of(DEPOSIT, tickets)).isEqualTo(Decimal.parse(payout));
    }

    @Test
    void perTicketValueIsTheExactContractRatio() {
        assertThat(TicketValue.perTicket(DEPOSIT)).isEqualTo(Decimal.parse("1500000"));
        assertThat(TicketValue.perTicket(Unym.of(99))).isEqualTo(Decimal.parse("1.98"));
        assertThat(TicketValue.perTicket(Unym.of(1))).isEqualTo(Decimal.parse("0.02"));
    }

    /** A deposit that is not a multiple of 50: the per-ticket values keep the fraction, the payout floors it once. */
    @ParameterizedTest(name = "deposit 99, n = {0}")
    @CsvSource({"1, 1.98, 1", "3, 5.94, 5", "50, 99, 99"})
    void valueAndPayoutRoundDifferently(long tickets, String value, long payout) {
        assertThat(TicketValue.of(Unym.of(99), tickets)).isEqualTo(Decimal.parse(value));
        assertThat(TicketValue.historicalPayout(Unym.of(99), tickets)).isEqualTo(Unym.of(payout));
    }
}
