package net.nym.tokenomics.rewards.rest;

import net.nym.tokenomics.eventlog.api.BoundedInput;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * Account commands. The acting account is the JWT's subject; the ledger refuses acting on a node one does not own
 * (403). Immediate effects answer 200, queued ones 202 with the pending event id and when it applies.
 */
@Path("/v1")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final int MAX_HOST = 253;

    private final LedgerService ledger;
    private final JsonWebToken jwt;

    public AccountResource(LedgerService ledger, JsonWebToken jwt) {
        this.ledger = ledger;
        this.jwt = jwt;
    }

    public record CostParamsRequest(Object profitMarginPercent, Object intervalOperatingCost) { }

    public record BondRequest(String identityKey, String host, Integer httpPort, IntegrationEvents.NodeRoles roles,
                              Object pledge, CostParamsRequest costParams) { }

    public record AmountRequest(Object amount) { }

    public record DelegateRequest(Long nodeId, Object amount) { }

    /** What a command did: the events recorded, by type, and (for a bond) the node id. */
    public record CommandResult(Long nodeId, List<String> events, Long pendingEventId, String appliesAt) { }

    @POST
    @Path("/nodes")
    public Response bond(BondRequest body) {
        if (body == null) {
            throw RejectedException.invalid("body", "a JSON body is required");
        }
        String key = required("identity_key", body.identityKey());
        BoundedInput.text("identity_key", key, Base58.maxEncodedLength(Ed25519.KEY_BYTES));
        byte[] raw;
        try {
            raw = Base58.decode(key, Ed25519.KEY_BYTES);
        } catch (IllegalArgumentException notBase58) {
            raw = null;
        }
        if (raw == null || raw.length != Ed25519.KEY_BYTES) {
            throw RejectedException.invalid("identity_key", "identity_key must be a base58 ed25519 public key (32 bytes)");
        }
        String host = required("host", body.host());
        if (host.length() > MAX_HOST || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw RejectedException.invalid("host", "host must be a DNS name or IP address of at most " + MAX_HOST + " characters");
        }
        if (body.httpPort() == null || body.httpPort() < 1 || body.httpPort() > 65535) {
            throw RejectedException.invalid("http_port", "http_port must be between 1 and 65535");
        }
        IntegrationEvents.NodeRoles roles = body.roles();
        if (roles == null || !(roles.mixnode() || roles.entry() || roles.exit())) {
            throw RejectedException.invalid("roles", "declare at least one of the roles mixnode, entry, exit");
        }
        LedgerCommand.CostParamsInput cost = costParams(body.costParams());
        LedgerCommand.BondNode command = new LedgerCommand.BondNode(ledger.commandTime(), account(), key,
                Inputs.amount("pledge", body.pledge()), cost);
        List<LedgerEvent> events = ledger.execute(command, evs -> evs.stream()
                .filter(e -> e instanceof LedgerEvent.NodeBonded)
                .map(e -> (Object) ledger.nodeBondedFact((LedgerEvent.NodeBonded) e, host, body.httpPort(), roles))
                .toList());
        long nodeId = ((LedgerEvent.NodeBonded) events.getFirst()).nodeId();
        return Response.status(Response.Status.CREATED).entity(new CommandResult(nodeId, types(events), null, null)).build();
    }

    @POST
    @Path("/nodes/{nodeId}/pledge")
    public Response pledgeMore(@PathParam("nodeId") long nodeId, AmountRequest body) {
        return run(new LedgerCommand.PledgeMore(ledger.commandTime(), account(), nodeId, amount(body)));
    }

    @POST
    @Path("/nodes/{nodeId}/pledge/decrease")
    public Response decreasePledge(@PathParam("nodeId") long nodeId, AmountRequest body) {
        return run(new LedgerCommand.DecreasePledge(ledger.commandTime(), account(), nodeId, amount(body)));
    }

    @DELETE
    @Path("/nodes/{nodeId}")
    public Response unbond(@PathParam("nodeId") long nodeId) {
        return run(new LedgerCommand.UnbondNode(ledger.commandTime(), account(), nodeId));
    }

    @PUT
    @Path("/nodes/{nodeId}/cost-params")
    public Response changeCostParams(@PathParam("nodeId") long nodeId, CostParamsRequest body) {
        return run(new LedgerCommand.ChangeCostParams(ledger.commandTime(), account(), nodeId, costParams(body)));
    }

    @POST
    @Path("/nodes/{nodeId}/operator-reward/withdraw")
    public Response withdrawOperatorReward(@PathParam("nodeId") long nodeId) {
        return run(new LedgerCommand.WithdrawOperatorReward(ledger.commandTime(), account(), nodeId));
    }

    @POST
    @Path("/delegators/{address}/delegations")
    public Response delegate(@PathParam("address") String address, DelegateRequest body) {
        ownAccount(address);
        if (body == null || body.nodeId() == null) {
            throw RejectedException.invalid("node_id", "node_id is required");
        }
        return run(new LedgerCommand.Delegate(ledger.commandTime(), account(), body.nodeId(), Inputs.amount("amount", body.amount())));
    }

    @DELETE
    @Path("/delegators/{address}/delegations/{nodeId}")
    public Response undelegate(@PathParam("address") String address, @PathParam("nodeId") long nodeId) {
        ownAccount(address);
        return run(new LedgerCommand.Undelegate(ledger.commandTime(), account(), nodeId));
    }

    @POST
    @Path("/delegators/{address}/delegations/{nodeId}/reward/withdraw")
    public Response withdrawDelegatorReward(@PathParam("address") String address, @PathParam("nodeId") long nodeId) {
        ownAccount(address);
        return run(new LedgerCommand.WithdrawDelegatorReward(ledger.commandTime(), account(), nodeId));
    }

    private Response run(LedgerCommand command) {
        List<LedgerEvent> events = ledger.execute(command, LedgerService.Publications.NONE);
        return result(ledger, events);
    }

    static Response result(LedgerService ledger, List<LedgerEvent> events) {
        for (LedgerEvent e : events) {
            if (e instanceof LedgerEvent.EpochEventQueued q) {
                String at = ledger.read(v -> v.ledger().globals().clock().currentEpochEnd().toString());
                return Response.accepted(new CommandResult(null, types(events), q.event().id(), "end of epoch, " + at)).build();
            }
            if (e instanceof LedgerEvent.IntervalEventQueued q) {
                return Response.accepted(new CommandResult(null, types(events), q.event().id(), "end of interval")).build();
            }
        }
        return Response.ok(new CommandResult(null, types(events), null, null)).build();
    }

    static List<String> types(List<LedgerEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }


    private java.math.BigInteger amount(AmountRequest body) {
        return Inputs.amount("amount", body == null ? null : body.amount());
    }

    private static LedgerCommand.CostParamsInput costParams(CostParamsRequest c) {
        if (c == null) {
            throw RejectedException.invalid("cost_params", "cost_params is required");
        }
        return new LedgerCommand.CostParamsInput(Inputs.decimal("profit_margin_percent", c.profitMarginPercent()),
                Inputs.amount("interval_operating_cost", c.intervalOperatingCost()));
    }

    private String account() {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw RejectedException.of(ErrorKind.UNAUTHENTICATED, "unauthenticated", "authorization", "the token names no account (sub)");
        }
        return subject;
    }

    private void ownAccount(String address) {
        if (!account().equals(address)) {
            throw RejectedException.of(ErrorKind.FORBIDDEN, "forbidden", "address", "account " + account() + " cannot act for " + address);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RejectedException.invalid(field, field + " is required");
        }
        return value.trim();
    }
}
