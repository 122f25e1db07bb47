package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RecordGateway;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW2;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW3_UNBONDED;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.NOW;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.ticket;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayRegistryTest {

    @Test
    void anUnchangedFactRecordsNothing() {
        LedgerFixture f = LedgerFixture.withGateways();
        assertThat(f.decide(new RecordGateway(1, GW1, true, NOW))).isEqualTo(new Decision.Events(List.of()));
    }

    @Test
    void bondingAndUnbondingGateRedemption() {
        LedgerFixture f = LedgerFixture.withGateways();
        f.apply(new RecordGateway(1, GW1, false, NOW));
        assertThat(f.rejection(f.batch(GW1, List.of(ticket(1))))).isEqualTo(new Rejection.GatewayNotBonded(GW1, 1));

        f.apply(new RecordGateway(1, GW1, true, NOW));
        assertThat(f.redeem(GW1, List.of(ticket(1))).counts().accepted()).isOne();
    }

    @Test
    void aRotatedIdentityKeyReplacesTheOldOne() {
        LedgerFixture f = LedgerFixture.withGateways();
        GatewayIdentity rotated = LedgerFixture.identity(11);

        f.apply(new RecordGateway(1, rotated, true, NOW));

        assertThat(f.state.gatewayByIdentity(GW1)).isEmpty();
        assertThat(f.state.gatewayByIdentity(rotated)).contains(new GatewayRegistration(1, rotated, true));
        assertThat(f.rejection(f.batch(GW1, List.of(ticket(1))))).isEqualTo(new Rejection.UnknownGateway(GW1));
        // Same node, new key: a serial it redeemed before is a replay, not a double spend.
        f.apply(new RecordGateway(1, GW1, true, NOW));
        f.redeem(GW1, List.of(ticket(5)));
        f.apply(new RecordGateway(1, rotated, true, NOW));
        assertThat(f.redeem(rotated, List.of(ticket(5))).outcomes().getFirst().status())
                .isEqualTo(TicketOutcome.Status.REPLAYED);
    }

    @Test
    void anIdentityHeldByAnotherBondedNodeIsRefused() {
        LedgerFixture f = LedgerFixture.withGateways();
        assertThat(f.rejection(new RecordGateway(7, GW2, true, NOW))).isEqualTo(new Rejection.IdentityHeldByBondedNode(GW2, 2));
    }

    @Test
    void anIdentityOfAnUnbondedNodeCanMoveToANewNode() {
        LedgerFixture f = LedgerFixture.withGateways();

        f.apply(new RecordGateway(8, GW3_UNBONDED, true, NOW));

        assertThat(f.state.gatewayByIdentity(GW3_UNBONDED)).contains(new GatewayRegistration(8, GW3_UNBONDED, true));
        assertThat(f.redeem(GW3_UNBONDED, List.of(ticket(1))).gatewayNodeId()).isEqualTo(8);
    }
}
