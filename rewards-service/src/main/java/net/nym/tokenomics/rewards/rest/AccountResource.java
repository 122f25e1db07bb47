package net.nym.tokenomics.rewards.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HeaderParam;
import net.nym.tokenomics.rewards.persistence.CommandIdempotency;

import net.nym.tokenomics.eventlog.api.BoundedInput;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.BondingMessage;
import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.eventlog.host.HostPolicy;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.math.BigInteger;
import java.util.List;

/**
 * Account commands. The acting account is the JWT's subject; the ledger refuses acting on a node one does not own
 * (403). Immediate effects answer 200, queued ones 202 with the pending event id and when it applies. A bond must be
 * signed by the node's identity key over event-log's {@link BondingMessage}: the signature is checked here, the
 * nonce's freshness by the ledger.
 */
@Path("/v1")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final int MAX_HOST = 253;

    /** The header a client sends to have a retried command applied once (README, "Idempotency"). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern KEY_SYNTAX = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final LedgerService ledger;
    private final JsonWebToken jwt;
    private final ObjectMapper json;
    private final boolean allowPrivateHosts;

    public AccountResource(LedgerService ledger, JsonWebToken jwt, ObjectMapper json,
                           @ConfigProperty(name = "nym.nodes.allow-private-hosts", defaultValue = "false") boolean allowPrivateHosts) {
        this.ledger = ledger;
        this.jwt = jwt;
        this.json = json;
        this.allowPrivateHosts = allowPrivateHosts;
    }

    public record CostParamsRequest(Object profitMarginPercent, Object intervalOperatingCost) { }

    public record BondRequest(String identityKey, String host, Integer httpPort, IntegrationEvents.NodeRoles roles,
                              Object pledge, CostParamsRequest costParams, Long nonce, String signature) { }

    public record AmountRequest(Object amount) { }

    public record DelegateRequest(Long nodeId, Object amount) { }

    public record TransferRequest(String to, Object amount) { }

    /** The longest account address accepted (a JWT subject or a transfer's recipient). */
    static final int MAX_ADDRESS = 128;

    /** What a command did: the events recorded, by type, and (for a bond) the node id. */
    public record CommandResult(Long nodeId, List<String> events, Long pendingEventId, String appliesAt) { }

    @POST
    @Path("/nodes")
    public Response bond(BondRequest body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
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
        // Issue 14 finding 7: performance-service probes this host, so it must not point inside the network.
        switch (HostPolicy.classify(host)) {
            case HostPolicy.Verdict.Invalid i -> throw RejectedException.invalid("host", "host " + i.reason());
            case HostPolicy.Verdict.NotPublic n when !allowPrivateHosts -> throw RejectedException.of(ErrorKind.INVALID,
                    "host_not_public", "host", "host must be a public address or name, not " + n.reason());
            default -> { }
        }
        if (body.httpPort() == null || body.httpPort() < 1 || body.httpPort() > 65535) {
            throw RejectedException.invalid("http_port", "http_port must be between 1 and 65535");
        }
        IntegrationEvents.NodeRoles roles = body.roles();
        if (roles == null || !(roles.mixnode() || roles.entry() || roles.exit())) {
            throw RejectedException.invalid("roles", "declare at least one of the roles mixnode, entry, exit");
        }
        LedgerCommand.CostParamsInput cost = costParams(body.costParams());
        BigInteger pledge = Inputs.amount("pledge", body.pledge());
        if (body.nonce() == null) {
            throw RejectedException.invalid("nonce", "nonce is required: the value of GET /v1/nodes/bonding-nonce that was signed");
        }
        byte[] signature = signature(body.signature());
        String owner = account();
        if (owner.indexOf('\n') >= 0 || owner.indexOf('\r') >= 0) {
            throw RejectedException.invalid("authorization", "the token's subject must not contain a line break");
        }
        // Only the holder of the identity key can bond it: the signature covers owner, key, host, port and nonce, so a
        // captured one bonds nothing for another account, elsewhere, or later (the ledger refuses a stale nonce).
        if (!new BondingMessage(owner, key, host, body.httpPort(), body.nonce()).verifies(signature)) {
            throw RejectedException.of(ErrorKind.FORBIDDEN, "bad_signature", "signature",
                    "the signature does not verify under identity_key over the bonding message (owner, identity_key, host, http_port, nonce)");
        }
        LedgerCommand.BondNode command = new LedgerCommand.BondNode(ledger.commandTime(), owner, key, pledge, cost, body.nonce());
        LedgerService.Publications publications = evs -> evs.stream()
                .filter(e -> e instanceof LedgerEvent.NodeBonded)
                .map(e -> (Object) ledger.nodeBondedFact((LedgerEvent.NodeBonded) e, host, body.httpPort(), roles))
                .toList();
        return once(command, publications, idempotencyKey, "POST /v1/nodes", body, AccountResource::bonded);
    }

    private static Answer bonded(List<LedgerEvent> events, java.time.Instant currentEpochEnd) {
        long nodeId = ((LedgerEvent.NodeBonded) events.getFirst()).nodeId();
        return new Answer(Response.Status.CREATED.getStatusCode(), new CommandResult(nodeId, types(events), null, null));
    }

    @POST
    @Path("/nodes/{nodeId}/pledge")
    public Response pledgeMore(@PathParam("nodeId") long nodeId, AmountRequest body,
                               @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return run(new LedgerCommand.PledgeMore(ledger.commandTime(), account(), nodeId, amount(body)), idempotencyKey,
                "POST /v1/nodes/" + nodeId + "/pledge", body);
    }

    @POST
    @Path("/nodes/{nodeId}/pledge/decrease")
    public Response decreasePledge(@PathParam("nodeId") long nodeId, AmountRequest body,
                                   @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return run(new LedgerCommand.DecreasePledge(ledger.commandTime(), account(), nodeId, amount(body)), idempotencyKey,
                "POST /v1/nodes/" + nodeId + "/pledge/decrease", body);
    }

    @DELETE
    @Path("/nodes/{nodeId}")
    public Response unbond(@PathParam("nodeId") long nodeId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return run(new LedgerCommand.UnbondNode(ledger.commandTime(), account(), nodeId), idempotencyKey,
                "DELETE /v1/nodes/" + nodeId, null);
    }

    @PUT
    @Path("/nodes/{nodeId}/cost-params")
    public Response changeCostParams(@PathParam("nodeId") long nodeId, CostParamsRequest body,
                                     @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return run(new LedgerCommand.ChangeCostParams(ledger.commandTime(), account(), nodeId, costParams(body)), idempotencyKey,
                "PUT /v1/nodes/" + nodeId + "/cost-params", body);
    }

    @POST
    @Path("/nodes/{nodeId}/operator-reward/withdraw")
    public Response withdrawOperatorReward(@PathParam("nodeId") long nodeId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return run(new LedgerCommand.WithdrawOperatorReward(ledger.commandTime(), account(), nodeId), idempotencyKey,
                "POST /v1/nodes/" + nodeId + "/operator-reward/withdraw", null);
    }

    @POST
    @Path("/delegators/{address}/delegations")
    public Response delegate(@PathParam("address") String address, DelegateRequest body,
                             @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        ownAccount(address);
        if (body == null || body.nodeId() == null) {
            throw RejectedException.invalid("node_id", "node_id is required");
        }
        return run(new LedgerCommand.Delegate(ledger.commandTime(), account(), body.nodeId(), Inputs.amount("amount", body.amount())),
                idempotencyKey, "POST /v1/delegators/" + address + "/delegations", body);
    }

    @DELETE
    @Path("/delegators/{address}/delegations/{nodeId}")
    public Response undelegate(@PathParam("address") String address, @PathParam("nodeId") long nodeId,
                               @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        ownAccount(address);
        return run(new LedgerCommand.Undelegate(ledger.commandTime(), account(), nodeId), idempotencyKey,
                "DELETE /v1/delegators/" + address + "/delegations/" + nodeId, null);
    }

    @POST
    @Path("/delegators/{address}/delegations/{nodeId}/reward/withdraw")
    public Response withdrawDelegatorReward(@PathParam("address") String address, @PathParam("nodeId") long nodeId,
                                            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        ownAccount(address);
        return run(new LedgerCommand.WithdrawDelegatorReward(ledger.commandTime(), account(), nodeId), idempotencyKey,
                "POST /v1/delegators/" + address + "/delegations/" + nodeId + "/reward/withdraw", null);
    }

    /**
     * Moves tokens from the caller's liquid balance to another account's (issue 15); immediate. The treasury funds
     * other accounts this way: tokens are never minted after genesis.
     */
    @POST
    @Path("/accounts/{address}/transfers")
    public Response transfer(@PathParam("address") String address, TransferRequest body,
                             @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        ownAccount(address);
        if (body == null) {
            throw RejectedException.invalid("body", "a JSON body is required");
        }
        String to = required("to", body.to());
        BoundedInput.text("to", to, MAX_ADDRESS);
        if (!to.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw RejectedException.invalid("to", "to must be an account address of printable ASCII characters");
        }
        return run(new LedgerCommand.Transfer(ledger.commandTime(), account(), to, Inputs.amount("amount", body.amount())),
                idempotencyKey, "POST /v1/accounts/" + address + "/transfers", body);
    }

    private Response run(LedgerCommand command, String idempotencyKey, String request, Object body) {
        return once(command, LedgerService.Publications.NONE, idempotencyKey, request, body, AccountResource::answer);
    }

    /** A command's answer before it is written: its status and body. */
    record Answer(int status, CommandResult body) { }

    interface Answers {
        Answer of(List<LedgerEvent> events, java.time.Instant currentEpochEnd);
    }

    /**
     * Executes the command; with an {@code Idempotency-Key}, at most once per account and key: a retry of the same
     * request gets the first answer (header {@code Idempotent-Replayed: true}) and records nothing.
     */
    private Response once(LedgerCommand command, LedgerService.Publications publications, String idempotencyKey,
                          String request, Object body, Answers answers) {
        if (idempotencyKey == null) {
            List<LedgerEvent> events = ledger.execute(command, publications);
            Answer a = answers.of(events, ledger.read(v -> v.ledger().globals().clock().currentEpochEnd()));
            return Response.status(a.status()).entity(a.body()).build();
        }
        if (!KEY_SYNTAX.matcher(idempotencyKey).matches()) {
            throw RejectedException.invalid("idempotency_key", IDEMPOTENCY_KEY
                    + " must be 1 to 64 characters of A-Z a-z 0-9 . _ : - (a UUID fits)");
        }
        String fingerprint;
        try {
            fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((request + "\n" + json.writeValueAsString(body)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LedgerService.Once outcome = ledger.executeOnce(command, publications,
                new CommandIdempotency.Request(account(), idempotencyKey, fingerprint), (events, epochEnd) -> {
                    Answer a = answers.of(events, epochEnd);
                    try {
                        return new CommandIdempotency.Reply(a.status(), json.writeValueAsString(a.body()));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return switch (outcome) {
            case LedgerService.Once.Applied applied -> Response.status(applied.reply().status())
                    .entity(applied.reply().body()).type(MediaType.APPLICATION_JSON).build();
            case LedgerService.Once.Replayed replayed -> Response.status(replayed.reply().status())
                    .entity(replayed.reply().body()).type(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true").build();
        };
    }

    static Response result(LedgerService ledger, List<LedgerEvent> events) {
        Answer a = answer(events, ledger.read(v -> v.ledger().globals().clock().currentEpochEnd()));
        return Response.status(a.status()).entity(a.body()).build();
    }

    /** 202 with the pending event and when it applies for a queued command, 200 for an immediate one. */
    static Answer answer(List<LedgerEvent> events, java.time.Instant currentEpochEnd) {
        for (LedgerEvent e : events) {
            if (e instanceof LedgerEvent.EpochEventQueued q) {
                return new Answer(202, new CommandResult(null, types(events), q.event().id(), "end of epoch, " + currentEpochEnd));
            }
            if (e instanceof LedgerEvent.IntervalEventQueued q) {
                return new Answer(202, new CommandResult(null, types(events), q.event().id(), "end of interval"));
            }
        }
        return new Answer(200, new CommandResult(null, types(events), null, null));
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

    /** A 64-byte ed25519 signature in Base58: bounded and decoded by event-log's {@link BoundedInput}, as every field. */
    private static byte[] signature(String text) {
        byte[] raw = BoundedInput.base58("signature", required("signature", text), Ed25519.SIGNATURE_BYTES);
        if (raw.length != Ed25519.SIGNATURE_BYTES) {
            throw RejectedException.invalid("signature", "signature must be a base58 ed25519 signature (64 bytes)");
        }
        return raw;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RejectedException.invalid(field, field + " is required");
        }
        return value.trim();
    }
}
