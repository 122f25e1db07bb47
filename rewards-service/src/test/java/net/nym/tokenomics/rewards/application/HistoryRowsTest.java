package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.Decision;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.readmodel.AccountMovement;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HistoryRows#accountMovements}: the account_movement rows, live (a decision's events) and rebuilt (one at a time). */
class HistoryRowsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final RewardingParams PARAMS = RewardingParams.initial(Decimal.of(250_000_000_000_000L),
            Decimal.of(100_000_000_000_000L), Percent.fromPercentageValue(50), Percent.fromPercentageValue(30), Decimal.of(10),
            Percent.fromPercentageValue(2), new RewardedSetParams(2, 2, 3, 1), 4, FeeIncomeParams.DISABLED);

    private static List<LedgerEvent> accepted(LedgerCommand command, LedgerView view) {
        return ((Decision.Accepted) LedgerDecider.decide(command, view.ledger())).events();
    }

    private static void apply(LedgerView view, List<LedgerEvent> events) {
        for (LedgerEvent e : events) {
            view.applyLedger(view.ledgerVersion() + 1, e, false);
        }
    }

    /** What a rebuild computes: each event on the state right before it. */
    private static List<AccountMovement> oneAtATime(LedgerView view, List<LedgerEvent> events) {
        List<AccountMovement> out = new ArrayList<>();
        for (LedgerEvent e : events) {
            out.addAll(HistoryRows.accountMovements(view.ledger(), view.ledgerVersion(), List.of(e)));
            view.applyLedger(view.ledgerVersion() + 1, e, false);
        }
        return out;
    }

    @Test
    void theGenesisCreditsEachAllocationAndTransfersMoveBothSidesWithTheBalanceTrackedThroughTheDecision() {
        LedgerView view = new LedgerView();
        List<LedgerEvent> genesis = accepted(new LedgerCommand.InitializeLedger(T0, PARAMS, ContractSettings.DEFAULT, T0,
                Duration.ofHours(1), LedgerCommand.GenesisAllocation.treasuryHolding(Unym.TOKEN_SUPPLY.amount(),
                        PARAMS.interval().rewardPool(), "treasury")), view);
        List<AccountMovement> rows = HistoryRows.accountMovements(view.ledger(), 0, genesis);
        BigInteger allocated = Unym.TOKEN_SUPPLY.amount().subtract(BigInteger.valueOf(250_000_000_000_000L));
        assertThat(rows).containsExactly(new AccountMovement("treasury", 2, 0, 0, genesis.get(1).at(), "genesis", null, null,
                allocated, new Unym(allocated)));
        apply(view, genesis);

        // two transfers in one list (as one decision): the middle account's balance is carried from the first to the second
        Instant at = T0.plusSeconds(10);
        List<LedgerEvent> transfers = List.of(new LedgerEvent.TokensTransferred(at, "treasury", "a", Unym.of(100)),
                new LedgerEvent.TokensTransferred(at, "a", "b", Unym.of(30)));
        List<AccountMovement> live = HistoryRows.accountMovements(view.ledger(), view.ledgerVersion(), transfers);
        assertThat(live).containsExactly(
                new AccountMovement("treasury", 3, 0, 0, at, "transfer_out", null, "a", BigInteger.valueOf(-100),
                        new Unym(allocated.subtract(BigInteger.valueOf(100)))),
                new AccountMovement("a", 3, 1, 0, at, "transfer_in", null, "treasury", BigInteger.valueOf(100), Unym.of(100)),
                new AccountMovement("a", 4, 0, 0, at, "transfer_out", null, "b", BigInteger.valueOf(-30), Unym.of(70)),
                new AccountMovement("b", 4, 1, 0, at, "transfer_in", null, "a", BigInteger.valueOf(30), Unym.of(30)));
        // the rebuild's way gives the same rows
        assertThat(oneAtATime(view, transfers)).isEqualTo(live);
        assertThat(view.ledger().balance("a")).isEqualTo(Unym.of(70));
    }

    @Test
    void aLogWithoutGenesisAllocationMovesNoBalance() {
        LedgerView view = new LedgerView();
        LedgerEvent.LedgerInitialized init = (LedgerEvent.LedgerInitialized) accepted(new LedgerCommand.InitializeLedger(T0,
                PARAMS, ContractSettings.DEFAULT, T0, Duration.ofHours(1), LedgerCommand.GenesisAllocation.treasuryHolding(
                        Unym.TOKEN_SUPPLY.amount(), PARAMS.interval().rewardPool(), "treasury")), view).getFirst();
        assertThat(HistoryRows.accountMovements(view.ledger(), 0, List.of(init))).isEmpty();
        apply(view, List.of(init));
        assertThat(HistoryRows.accountMovements(view.ledger(), 1,
                List.of(new LedgerEvent.TokensTransferred(T0, "x", "y", Unym.of(1))))).isEmpty();
    }
}
