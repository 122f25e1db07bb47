package net.nym.tokenomics.rewards.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.eventlog.api.BoundedInput;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.domain.Delegation;
import net.nym.tokenomics.rewards.domain.LedgerGlobals;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.NodeBond;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.domain.PendingEpochEvent;
import net.nym.tokenomics.rewards.domain.Supply;
import net.nym.tokenomics.rewards.domain.SupplyCheck;
import net.nym.tokenomics.rewards.readmodel.AccountMovement;
import net.nym.tokenomics.rewards.readmodel.AccountMovementRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public reads of accounts and the token supply (issue 15): an account's liquid, escrowed and staked tokens and its
 * accrued rewards; the movements of its liquid balance (from the {@code account_movement} read model, through Hibernate
 * Reactive, ADR 0012); the supply equation's terms; the circulating supply in nym-api's shape. Amounts in uNYM as
 * strings.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountReadResource {

    static final String DENOM = "unym";

    private final LedgerService ledger;

    public AccountReadResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    /** A queued request holding this account's tokens until its epoch ends. */
    public record PendingRequest(long pendingEventId, String kind, long nodeId, Unym amount) { }

    /**
     * @param liquid         what the account can spend now
     * @param escrowed       held by its queued delegations and pledge increases
     * @param staked         its pledge (if it bonded a node) and its delegations' principal
     * @param accruedRewards rewards accrued on its pledge and delegations, not withdrawn
     * @param total          {@code liquid + escrowed + staked + accrued_rewards}
     */
    public record AccountResponse(String address, Unym liquid, Unym escrowed, Unym staked, Decimal accruedRewards,
                                  Decimal total, Long bondedNodeId, List<PendingRequest> pending) { }

    /** The supply equation's terms ({@code total_supply + fees_received = everything else}) and whether it holds. */
    public record SupplyResponse(Unym totalSupply, Unym feesReceived, Unym liquid, Unym escrowed, Unym staked,
                                 Decimal accruedRewards, Decimal rewardPool, Decimal dust, Unym vestingTokens,
                                 String treasury, boolean equationHolds, String problem) { }

    /** nym-api's {@code Coin}. */
    public record Coin(String denom, String amount) {
        static Coin of(Unym amount) {
            return new Coin(DENOM, amount.toString());
        }
    }

    /** nym-api's {@code CirculatingSupplyResponse}. */
    public record CirculatingSupplyResponse(Coin totalSupply, Coin mixminingReserve, Coin vestingTokens, Coin circulatingSupply) { }

    @GET
    @Path("/accounts/{address}")
    public AccountResponse account(@PathParam("address") String address) {
        BoundedInput.text("address", address, AccountResource.MAX_ADDRESS);
        return ledger.read(v -> {
            MixnetLedger l = v.ledger();
            funded(l);
            Unym escrowed = Unym.ZERO;
            Unym staked = Unym.ZERO;
            Decimal accrued = Decimal.ZERO;
            List<PendingRequest> pending = new ArrayList<>();
            Optional<Long> bonded = l.bondedNodeOf(address);
            for (PendingEpochEvent p : l.pendingEpochEvents().values()) {
                if (p instanceof PendingEpochEvent.DelegationRequest d && d.owner().equals(address)) {
                    pending.add(new PendingRequest(d.id(), "delegate", d.nodeId(), d.amount()));
                    escrowed = escrowed.plus(d.amount());
                } else if (p instanceof PendingEpochEvent.PledgeIncrease i && bonded.isPresent() && bonded.get() == i.nodeId()) {
                    pending.add(new PendingRequest(i.id(), "pledge_more", i.nodeId(), i.amount()));
                    escrowed = escrowed.plus(i.amount());
                }
            }
            if (bonded.isPresent()) {
                NodeRecord node = l.node(bonded.get()).orElseThrow();
                Unym pledge = switch (node.bond()) {
                    case NodeBond.Bonded b -> b.originalPledge();
                    case NodeBond.Unbonding u -> u.originalPledge();
                    case NodeBond.Unbonded u -> Unym.ZERO;
                };
                staked = staked.plus(pledge);
                Decimal operator = node.rewarding().operator();
                accrued = accrued.plus(operator.greaterThan(pledge.toDecimal()) ? operator.minus(pledge.toDecimal()) : Decimal.ZERO);
            }
            for (Delegation d : l.delegationsOwnedBy(address)) {
                staked = staked.plus(d.amount());
                Optional<NodeRecord> node = l.node(d.nodeId());
                if (node.isPresent()) {
                    accrued = accrued.plus(node.get().rewarding().delegationReward(d.amount(), d.cumulativeRewardRatio()));
                }
            }
            Unym liquid = l.balance(address);
            Decimal total = liquid.toDecimal().plus(escrowed.toDecimal()).plus(staked.toDecimal()).plus(accrued);
            return new AccountResponse(address, liquid, escrowed, staked, accrued, total, bonded.orElse(null), pending);
        });
    }

    /**
     * The movements of the account's liquid balance, newest first: each with its kind, signed change and the balance
     * after it; the newest row's {@code balance_after} is the account's {@code liquid}.
     */
    @GET
    @Path("/accounts/{address}/history")
    @WithSession
    public Uni<ReadResource.Page<AccountMovement>> history(@PathParam("address") String address,
                                                           @QueryParam("page") @DefaultValue("0") int page,
                                                           @QueryParam("per_page") @DefaultValue("100") int perPage) {
        BoundedInput.text("address", address, AccountResource.MAX_ADDRESS);
        ReadResource.checkPage(page, perPage);
        ledger.read(v -> {
            funded(v.ledger());
            return null;
        });
        return AccountMovementRow.countOf(address).flatMap(total -> AccountMovementRow.page(address, page, perPage)
                .map(items -> new ReadResource.Page<>(page, perPage, total, items)));
    }

    @GET
    @Path("/supply")
    public SupplyResponse supply() {
        return ledger.read(v -> {
            MixnetLedger l = v.ledger();
            funded(l);
            LedgerGlobals g = l.globals();
            Supply s = g.supply();
            Optional<String> problem = SupplyCheck.problem(l);
            return new SupplyResponse(s.totalSupply(), s.feesReceived(), s.liquid(), s.escrowed(), s.principal(),
                    s.accruedRewards(), Supply.rewardPool(g), s.dust(), s.vestingTokens(), s.treasury(), problem.isEmpty(),
                    problem.orElse(null));
        });
    }

    /** nym-api's {@code GET /v1/circulating-supply}: circulating = total - mixmining reserve - vesting. */
    @GET
    @Path("/circulating-supply")
    public CirculatingSupplyResponse circulatingSupply() {
        return ledger.read(v -> {
            MixnetLedger l = v.ledger();
            funded(l);
            Supply s = l.globals().supply();
            Unym reserve = Unym.floorOf(Supply.rewardPool(l.globals()));
            Unym circulating = s.totalSupply().minus(reserve).minus(s.vestingTokens());
            return new CirculatingSupplyResponse(Coin.of(s.totalSupply()), Coin.of(reserve), Coin.of(s.vestingTokens()),
                    Coin.of(circulating));
        });
    }

    private static void funded(MixnetLedger l) {
        if (!l.isInitialized() || !l.globals().funded()) {
            throw net.nym.tokenomics.eventlog.api.RejectedException.of(net.nym.tokenomics.eventlog.api.ErrorKind.NOT_READY,
                    "no_token_accounts", "ledger", "this ledger's log has no genesis allocation: no account holds tokens");
        }
    }
}
