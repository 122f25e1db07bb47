package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RedeemTicketBatch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW1;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW2;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.GW3_UNBONDED;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.STRANGER;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.TODAY;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.batch;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.serial;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.ticket;
import static net.nym.tokenomics.ticketledger.domain.ledger.LedgerFixture.tickets;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link TicketLedger#decideRedemptions}: a group decided at once equals its batches decided and evolved in turn. */
class GroupDecisionTest {

    @Test
    void laterBatchesOfAGroupSeeEarlierOnesAndARefusedBatchAffectsNoOther() {
        LedgerFixture f = LedgerFixture.withGateways();
        String before = StateDigest.of(f.state.canonicalView());
        RedeemTicketBatch first = batch(GW1, "a", List.of(ticket(1), ticket(2)));
        List<RedeemTicketBatch> group = List.of(
                first,
                batch(STRANGER, "b", List.of(ticket(3))),
                batch(GW2, "c", List.of(ticket(1), ticket(3))),
                batch(GW1, "a", List.of(ticket(1), ticket(2))),
                batch(GW1, "a", List.of(ticket(9))),
                batch(GW3_UNBONDED, "d", List.of(ticket(4))),
                batch(GW1, "e", List.of(ticket(2), ticket(3))));

        List<Decision> decisions = TicketLedger.decideRedemptions(group, f.state);

        assertThat(StateDigest.of(f.state.canonicalView())).as("deciding a group changes no state").isEqualTo(before);
        TicketBatchRedeemed a = events(decisions.get(0));
        assertThat(a.counts().accepted()).isEqualTo(2);
        assertThat(decisions.get(1)).isEqualTo(new Decision.Rejected(new Rejection.UnknownGateway(STRANGER)));
        TicketBatchRedeemed c = events(decisions.get(2));
        assertThat(c.outcomes().get(0)).isInstanceOfSatisfying(TicketOutcome.DoubleSpend.class, d -> {
            assertThat(d.firstGatewayNodeId()).isEqualTo(1);
            assertThat(d.gatewayNodeId()).isEqualTo(2);
        });
        assertThat(c.outcomes().get(1)).as("the unknown gateway's serial is untouched")
                .isInstanceOf(TicketOutcome.Accepted.class);
        assertThat(decisions.get(3)).as("a resubmission inside the group gets the original")
                .isEqualTo(new Decision.AlreadyProcessed(new IdempotencyRef(a.gateway(), a.batchId()), a.recordedAt()));
        assertThat(decisions.get(4)).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.rejection()).isInstanceOf(Rejection.IdempotencyKeyConflict.class));
        assertThat(decisions.get(5)).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.rejection()).isInstanceOf(Rejection.GatewayNotBonded.class));
        TicketBatchRedeemed e = events(decisions.get(6));
        assertThat(e.outcomes().get(0)).isInstanceOfSatisfying(TicketOutcome.Replayed.class,
                r -> assertThat(r.firstBatchId()).isEqualTo("a"));
        assertThat(e.outcomes().get(1)).isInstanceOfSatisfying(TicketOutcome.DoubleSpend.class,
                d -> assertThat(d.firstGatewayNodeId()).isEqualTo(2));

        assertThat(decisions).isEqualTo(oneByOne(LedgerFixture.withGateways(), group));
    }

    @Test
    void randomGroupsDecideAsTheirBatchesOneByOne() {
        GatewayIdentity[] gateways = {GW1, GW2, GW3_UNBONDED, STRANGER};
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            LedgerFixture grouped = LedgerFixture.withGateways();
            LedgerFixture single = LedgerFixture.withGateways();
            int key = 0;
            for (int round = 0; round < 6; round++) {
                List<RedeemTicketBatch> group = new ArrayList<>();
                for (int b = 1 + random.nextInt(8); b > 0; b--) {
                    List<SubmittedTicket> tickets = new ArrayList<>();
                    for (int t = 1 + random.nextInt(12); t > 0; t--) {
                        tickets.add(random.nextInt(30) == 0
                                ? new SubmittedTicket("0OIl", "v1-mixnet-entry", TODAY)
                                : new SubmittedTicket(serial(random.nextInt(60)), "v1-mixnet-entry",
                                        TODAY.minusDays(random.nextInt(9))));
                    }
                    // Keys repeat now and then: resubmissions and conflicts inside a group and across groups.
                    String k = "k" + (random.nextInt(4) == 0 ? random.nextInt(key + 1) : key++);
                    group.add(batch(gateways[random.nextInt(gateways.length)], k, tickets));
                }
                List<Decision> decided = TicketLedger.decideRedemptions(group, grouped.state);
                for (Decision d : decided) {
                    if (d instanceof Decision.Events events) {
                        events.events().forEach(event -> TicketLedger.evolve(grouped.state, event));
                    }
                }
                assertThat(decided).as("seed %d round %d", seed, round).isEqualTo(oneByOne(single, group));
            }
            assertThat(StateDigest.of(grouped.state.canonicalView())).isEqualTo(StateDigest.of(single.state.canonicalView()));
        }
    }

    @Test
    void aGroupOfManyFullBatchesAcceptsEverySerialOnce() {
        LedgerFixture f = LedgerFixture.withGateways();
        List<RedeemTicketBatch> group = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            // Each batch overlaps the previous one by half: the overlap is a double spend or a replay, never accepted twice.
            group.add(batch(b % 2 == 0 ? GW1 : GW2, "g" + b, tickets(b * 250, 500)));
        }
        long accepted = TicketLedger.decideRedemptions(group, f.state).stream()
                .mapToLong(d -> events(d).counts().accepted()).sum();
        assertThat(accepted).isEqualTo(19 * 250 + 500);
    }

    private static List<Decision> oneByOne(LedgerFixture f, List<RedeemTicketBatch> group) {
        List<Decision> out = new ArrayList<>();
        for (RedeemTicketBatch command : group) {
            Decision d = TicketLedger.decide(command, f.state);
            if (d instanceof Decision.Events events) {
                events.events().forEach(event -> TicketLedger.evolve(f.state, event));
            }
            out.add(d);
        }
        return out;
    }

    private static TicketBatchRedeemed events(Decision d) {
        assertThat(d).isInstanceOf(Decision.Events.class);
        return (TicketBatchRedeemed) ((Decision.Events) d).events().getFirst();
    }
}
