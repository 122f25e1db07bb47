package net.nym.tokenomics.simulator.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.BondingMessage;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.simulator.identity.AccountTokens;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;
import net.nym.tokenomics.simulator.network.Genesis;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The black-box hostile-input suite of issue 14: the four packaged services behind the local gateway (the same nginx
 * configuration as {@code deploy/local/start-system.sh}), sent what hostile nodes, gateways, monitors and accounts
 * send. Every case asserts the status, the JSON error body {@code {"error","field","reason"}}, that no service's
 * event log grew, and that every service is ready afterwards. A real network is set up first (its accounts funded by
 * a genesis file; a bonded mixnode and gateway, a delegation, an accepted ticket batch and monitor submission) so that
 * replays, balances and other accounts' objects are real. Prints one line per case and a summary line.
 */
class HostileInputSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ServiceProcesses system;
    private static LocalGateway gateway;
    private static AccountTokens tokens;
    private static Ed25519Identity monitor;
    private static final Ed25519Identity MIX = new Ed25519Identity(seed(11));
    private static final Ed25519Identity GATEWAY = new Ed25519Identity(seed(22));
    private static final Ed25519Identity STRANGER = new Ed25519Identity(seed(33));
    private static final Ed25519Identity MIX_UNBONDED = new Ed25519Identity(seed(44));
    private static final String OPERATOR = "n1hostileoperator";
    private static final String GATEWAY_OPERATOR = "n1hostilegatewayop";
    private static final String DELEGATOR = "n1hostiledelegator";
    private static final String OTHER = "n1hostileother";
    private static long mixNode;
    private static long gatewayNode;
    private static String acceptedBatch;
    private static String acceptedSubmission;

    private final List<Outcome> outcomes = new ArrayList<>();

    /** {@code expectedError}: the JSON error body's {@code error} the case expects, or null for any. */
    record Outcome(String name, int expected, int actual, boolean jsonError, long written, boolean healthy, String body,
                   String expectedError) {
        Outcome(String name, int expected, int actual, boolean jsonError, long written, boolean healthy, String body) {
            this(name, expected, actual, jsonError, written, healthy, body, null);
        }

        boolean passed() {
            return expected == actual && (actual < 400 || jsonError) && written == 0 && healthy && errorAsExpected();
        }

        boolean errorAsExpected() {
            return expectedError == null || expectedError.equals(errorOf(body));
        }
    }

    @BeforeAll
    static void startTheSystemBehindTheGateway() throws Exception {
        Path keys = Files.createTempDirectory("hostile-keys");
        SystemRuns.writeLocalKeys(keys);
        monitor = new Ed25519Identity(java.util.HexFormat.of().parseHex(Files.readString(keys.resolve("monitor.seed")).trim()));
        tokens = new AccountTokens(keys.resolve("jwt-private.pem"));
        // The set-up's accounts funded at genesis (issue 15): the two operators' pledges and the delegator's stake, each
        // with a margin; the rest of the supply in the treasury. OTHER holds nothing.
        Path genesis = new Genesis(Genesis.DEFAULT_TOTAL_SUPPLY, Genesis.DEFAULT_REWARD_POOL, Genesis.DEFAULT_TREASURY, Map.of(
                OPERATOR, new BigInteger("1001000000000"), GATEWAY_OPERATOR, new BigInteger("1001000000000"),
                DELEGATOR, new BigInteger("1000000000"))).write(keys.resolve("genesis.json"));
        Map<String, Map<String, String>> props = Map.of(
                // production's host rule (ServiceProcesses allows loopback hosts for the simulator's local nodes)
                "*", Map.of("mp.jwt.verify.publickey.location", keys.resolve("jwt-public.pem").toUri().toString(),
                        "nym.nodes.allow-private-hosts", "false"),
                "performance", Map.of("performance.submission.allowed-signers", monitor.publicKeyBase58(),
                        "performance.prober.enabled", "false"),
                "selection", Map.of("selection.clock.mode", "MANUAL"),
                "rewards", Map.of("rewards.genesis.file", genesis.toString()),
                // no scheduled work: every event written during a case is the case's doing
                "ticket-ledger", Map.of("ticket-ledger.expiry.every", "off"));
        system = new ServiceProcesses(SystemRuns.REPO, 19410, props);
        system.startAll();
        gateway = new LocalGateway(SystemRuns.REPO, system, "100r/s", 300);

        mixNode = bond(OPERATOR, MIX, "mix.hostile.example.org", true, false);
        gatewayNode = bond(GATEWAY_OPERATOR, GATEWAY, "gw.hostile.example.org", false, true);
        expect(send("POST", "/v1/delegators/" + DELEGATOR + "/delegations", account(DELEGATOR),
                "{\"node_id\":" + mixNode + ",\"amount\":\"5000000\"}"), 202);
        awaitOk("/v1/gateways/" + gatewayNode);
        awaitOk("/v1/nym-nodes/performance/" + mixNode);
        acceptedBatch = ticketBatch(GATEWAY, "hostile-first", Instant.now(), List.of(serial(1)), "v1-mixnet-entry");
        expect(send("POST", "/v1/ticket-batches", null, acceptedBatch), 200);
        acceptedSubmission = submission(List.of(new MonitorResult(mixNode, MIX.publicKeyBase58(), 90)),
                Instant.now().getEpochSecond(), monitor);
        expect(send("POST", "/v1/status/submit-node-monitoring-results", null, acceptedSubmission), 200);
        awaitQuiet();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyHostileRequestIsA4xxWithTheJsonErrorBodyAndWritesNothing() throws Exception {
        String owner = account(OPERATOR);
        String other = account(OTHER);
        String admin = tokens.bearer("n1admin", Instant.now().getEpochSecond(), "admin");
        String huge = "1".repeat(400_000);
        String now = Instant.now().toString();

        // --- the gateway's own refusals (finding 9)
        check("unknown path", 404, "GET", "/nothing-here", null, null);
        check("unknown /v1 path", 404, "GET", "/v1/no-such-thing", null, null);
        check("body over 2 MiB", 413, "POST", "/v1/ticket-batches", null, "{\"x\":\"" + "a".repeat(2_200_000) + "\"}");
        check("request line over 4 KiB", 414, "GET", "/v1/delegators/n1" + "a".repeat(5_000) + "/delegations", null, null);
        check("request line over 16 KiB", 414, "GET", "/v1/" + "a".repeat(20_000), null, null);
        check("a header over 4 KiB", 400, "GET", "/v1/epochs/current", "Bearer " + "a".repeat(6_000), null);
        check("non-numeric epoch in the path", 404, "GET", "/v1/epochs/abc/rewarded-set", null, null);

        // --- ticket-ledger: POST /v1/ticket-batches
        check("batch: malformed JSON", 400, "POST", "/v1/ticket-batches", null, "{\"gateway\": ");
        check("batch: empty body", 400, "POST", "/v1/ticket-batches", null, "");
        check("batch: a JSON array", 400, "POST", "/v1/ticket-batches", null, "[1,2,3]");
        check("batch: tickets of the wrong type", 400, "POST", "/v1/ticket-batches", null,
                batchWith("\"tickets\":\"many\""));
        check("batch: deeply nested JSON", 400, "POST", "/v1/ticket-batches", null,
                "{\"gateway\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        check("batch: 400,000-character gateway (finding 1)", 400, "POST", "/v1/ticket-batches", null,
                ticketBatchRaw(huge, "k-1", now, "[]", "sig"));
        check("batch: 400,000-character signature (finding 1)", 400, "POST", "/v1/ticket-batches", null,
                ticketBatchRaw(GATEWAY.publicKeyBase58(), "k-2", now, ticketsJson(serial(2), "v1-mixnet-entry"), huge));
        check("batch: 400,000-character serial (finding 1)", 400, "POST", "/v1/ticket-batches", null,
                ticketBatch(GATEWAY, "k-3", Instant.now(), List.of(huge), "v1-mixnet-entry"));
        check("batch: gateway key not base58", 400, "POST", "/v1/ticket-batches", null,
                ticketBatchRaw("0OIl0OIl", "k-4", now, "[]", "sig"));
        check("batch: NUL in the ticket type (finding 4)", 400, "POST", "/v1/ticket-batches", null,
                ticketBatch(GATEWAY, "k-5", Instant.now(), List.of(serial(5)), "v1-mixnet\u0000entry"));
        check("batch: submitted_at in year 999999999 (finding 4)", 400, "POST", "/v1/ticket-batches", null,
                ticketBatchRaw(GATEWAY.publicKeyBase58(), "k-6", "+999999999-12-31T23:59:59Z",
                        ticketsJson(serial(6), "v1-mixnet-entry"), "sig"));
        check("batch: submitted_at not a time", 400, "POST", "/v1/ticket-batches", null,
                ticketBatchRaw(GATEWAY.publicKeyBase58(), "k-7", "yesterday", ticketsJson(serial(7), "v1-mixnet-entry"), "sig"));
        check("batch: signed by another key", 401, "POST", "/v1/ticket-batches", null,
                ticketBatchSignedBy(STRANGER, GATEWAY, "k-8", List.of(serial(8))));
        check("batch: by an unbonded gateway key", 403, "POST", "/v1/ticket-batches", null,
                ticketBatch(STRANGER, "k-9", Instant.now(), List.of(serial(9)), "v1-mixnet-entry"));
        check("batch: a replayed idempotency key with another body", 409, "POST", "/v1/ticket-batches", null,
                ticketBatch(GATEWAY, "hostile-first", Instant.now(), List.of(serial(10)), "v1-mixnet-entry"));
        check("batch: spend date not a date", 400, "POST", "/v1/ticket-batches", null,
                batchWith("\"tickets\":[{\"serial\":\"" + serial(11) + "\",\"ticket_type\":\"v1-mixnet-entry\",\"spend_date\":\"tomorrow\"}]"));
        check("batch: unknown field", 400, "POST", "/v1/ticket-batches", null, batchWith("\"extra\":true"));
        check("batch: control characters in the idempotency key", 400, "POST", "/v1/ticket-batches", null,
                ticketBatch(GATEWAY, "k\u0001\u001b[2J", Instant.now(), List.of(serial(12)), "v1-mixnet-entry"));

        // --- performance: the monitors' endpoints
        String nodeResults = "/v1/status/submit-node-monitoring-results";
        String gatewayResults = "/v1/status/submit-gateway-monitoring-results";
        long ts = Instant.now().getEpochSecond();
        List<MonitorResult> oneResult = List.of(new MonitorResult(mixNode, MIX.publicKeyBase58(), 80));
        check("monitor: malformed JSON", 400, "POST", nodeResults, null, "{\"results\": [");
        check("monitor: 400,000-character signer (finding 1)", 400, "POST", nodeResults, null,
                submissionRaw("[]", ts, huge, "sig"));
        check("monitor: 400,000-character signature (finding 1)", 400, "POST", nodeResults, null,
                submissionRaw(resultsJson(oneResult), ts, monitor.publicKeyBase58(), huge));
        check("monitor: signer not on the allow-list", 403, "POST", nodeResults, null, submission(oneResult, ts, STRANGER));
        check("monitor: signature by another key", 401, "POST", nodeResults, null,
                submissionRaw(resultsJson(oneResult), ts, monitor.publicKeyBase58(),
                        STRANGER.signBase58(SignedMonitorPayload.bytes(oneResult, ts))));
        // nym-api accepts any future timestamp and ignores (not refuses) a reliability of 101..255 (issue 16): those are
        // answered 200 and recorded; what must not happen is an overflow, so the extremes below stay refusals
        check("monitor: timestamp Long.MIN_VALUE (finding 4)", 400, "POST", nodeResults, null,
                submission(oneResult, Long.MIN_VALUE, monitor));
        check("monitor: reliability 256, beyond nym-api's u8", 400, "POST", nodeResults, null,
                submission(List.of(new MonitorResult(mixNode, MIX.publicKeyBase58(), 256)), ts, monitor));
        check("monitor: negative reliability", 400, "POST", nodeResults, null,
                submission(List.of(new MonitorResult(mixNode, MIX.publicKeyBase58(), -1)), ts, monitor));
        check("monitor: reliability of the wrong type", 400, "POST", nodeResults, null,
                "{\"results\":[{\"node_id\":" + mixNode + ",\"identity\":\"x\",\"reliability\":\"high\"}],\"signature\":\"s\",\"signer\":\"s\",\"timestamp\":1}");
        // a submission accepted a moment ago (the freshness window is 5 s), replayed on both endpoints
        String fresh = submission(List.of(new MonitorResult(mixNode, MIX.publicKeyBase58(), 70)), Instant.now().getEpochSecond(), monitor);
        expect(send("POST", nodeResults, null, fresh), 200);
        check("monitor: a submission accepted a moment ago, replayed", 409, "POST", nodeResults, null, fresh);
        check("monitor: a submission accepted a moment ago, replayed on the gateway endpoint (finding 8)", 409, "POST",
                gatewayResults, null, fresh);
        check("monitor: a submission older than the freshness window", 400, "POST", nodeResults, null, acceptedSubmission);

        // --- rewards: reads with hostile parameters (finding 4)
        check("estimate: a 21-digit ratio", 400, "GET", "/v1/nodes/" + mixNode + "/estimate?performance=999999999999999999999", null, null);
        check("estimate: a ratio that is not a number", 400, "GET", "/v1/nodes/" + mixNode + "/estimate?performance=abc", null, null);
        check("estimate: a negative ratio", 400, "GET", "/v1/nodes/" + mixNode + "/estimate?performance=-0.5", null, null);
        check("node id over a long", 404, "GET", "/v1/nodes/99999999999999999999999/estimate?performance=1", null, null);

        // --- rewards: authentication (JWT)
        String pledge = "/v1/nodes/" + mixNode + "/pledge";
        String one = "{\"amount\":\"1\"}";
        check("pledge: no token", 401, "POST", pledge, null, one);
        check("pledge: a token that is not a JWT", 401, "POST", pledge, "Bearer not.a.token", one);
        check("pledge: an expired token", 401, "POST", pledge, tokens.bearer(OPERATOR, Instant.now().getEpochSecond() - 7_200, "account"), one);
        check("pledge: a token signed by another key", 401, "POST", pledge, forged(OPERATOR), one);
        check("pledge: an unsigned token (alg none)", 401, "POST", pledge, unsigned(OPERATOR), one);
        check("pledge: a token for another audience (finding 9)", 401, "POST", pledge, withClaims(OPERATOR, "another-api",
                Instant.now().getEpochSecond(), 1800), one);
        check("pledge: a token issued two hours ago, still unexpired (finding 9)", 401, "POST", pledge,
                withClaims(OPERATOR, "nym-tokenomics-api", Instant.now().getEpochSecond() - 7_200, 10_800), one);

        // --- rewards: another account's nodes and delegations
        check("pledge on another account's node", 403, "POST", pledge, other, one);
        check("unbond another account's node", 403, "DELETE", "/v1/nodes/" + mixNode, other, null);
        check("delegate in another account's name", 403, "POST", "/v1/delegators/" + DELEGATOR + "/delegations", other,
                "{\"node_id\":" + mixNode + ",\"amount\":\"1000\"}");
        check("undelegate another account's delegation", 403, "DELETE", "/v1/delegators/" + DELEGATOR + "/delegations/" + mixNode,
                other, null);
        check("withdraw another operator's reward", 403, "POST", "/v1/nodes/" + mixNode + "/operator-reward/withdraw", other, null);
        check("an admin path with an account token", 403, "PUT", "/v1/admin/active-set", owner,
                "{\"entry_gateways\":1,\"exit_gateways\":1,\"mixnodes\":3}");

        // --- rewards: token accounts (issue 15): nothing beyond the liquid balance, nothing in another's name
        String delegatorToken = account(DELEGATOR);
        String transfers = "/v1/accounts/" + DELEGATOR + "/transfers";
        checkError("transfer: one uNYM more than the balance (issue 15)", 409, "insufficient_balance", "POST", transfers,
                delegatorToken, "{\"to\":" + quote(OTHER) + ",\"amount\":\"" + liquid(DELEGATOR).add(BigInteger.ONE) + "\"}");
        checkError("transfer: from another account's address (issue 15)", 403, "forbidden", "POST", transfers, other,
                "{\"to\":" + quote(OTHER) + ",\"amount\":\"1\"}");
        checkError("transfer: a 129-character recipient (issue 15)", 400, "field_too_long", "POST", transfers, delegatorToken,
                "{\"to\":\"n1" + "a".repeat(127) + "\",\"amount\":\"1\"}");
        checkError("delegate: one uNYM more than the balance (issue 15)", 409, "insufficient_balance", "POST",
                "/v1/delegators/" + DELEGATOR + "/delegations", delegatorToken,
                "{\"node_id\":" + mixNode + ",\"amount\":\"" + liquid(DELEGATOR).add(BigInteger.ONE) + "\"}");
        checkError("pledge: one uNYM more than the balance (issue 15)", 409, "insufficient_balance", "POST", pledge, owner,
                "{\"amount\":\"" + liquid(OPERATOR).add(BigInteger.ONE) + "\"}");
        checkError("account read: a 129-character address (issue 15)", 400, "field_too_long", "GET",
                "/v1/accounts/n1" + "a".repeat(127), null, null);

        // --- rewards: amounts
        check("pledge: negative amount", 400, "POST", pledge, owner, "{\"amount\":\"-1\"}");
        check("pledge: zero amount", 400, "POST", pledge, owner, "{\"amount\":\"0\"}");
        check("pledge: fractional amount", 400, "POST", pledge, owner, "{\"amount\":\"1.5\"}");
        check("pledge: 41-digit amount", 400, "POST", pledge, owner, "{\"amount\":\"" + "9".repeat(41) + "\"}");
        check("pledge: amount as an object", 400, "POST", pledge, owner, "{\"amount\":{\"value\":1}}");
        check("delegate: to a node that does not exist", 404, "POST", "/v1/delegators/" + OTHER + "/delegations", other,
                "{\"node_id\":987654321,\"amount\":\"1000\"}");
        check("delegate: more than the token supply", 400, "POST", "/v1/delegators/" + OTHER + "/delegations", other,
                "{\"node_id\":" + mixNode + ",\"amount\":\"" + "9".repeat(30) + "\"}");

        // --- rewards: bonding (findings 4, 5, 7)
        check("bond: the bonded gateway's key again", 409, "POST", "/v1/nodes", other,
                bondJson(OTHER, GATEWAY, GATEWAY.publicKeyBase58(), "gw2.hostile.example.org", "1000000000000"));
        check("bond: identity key not base58", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, "0OIl0OIl0OIl", "x.hostile.example.org", "1000000000000"));
        check("bond: 400,000-character identity key", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, huge, "x.hostile.example.org", "1000000000000"));
        check("bond: NUL in the host (finding 4)", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), "x\u0000.hostile.example.org", "1000000000000"));
        check("bond: right-to-left override and emoji in the host", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), "\u202egro.elpmaxe\uD83D\uDE00", "1000000000000"));
        check("bond: profit margin of 200 %", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), "x.hostile.example.org", "1000000000000").replace("\"0.1\"", "\"2\""));
        check("bond: port 70000", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), "x.hostile.example.org", "1000000000000").replace(":8080", ":70000"));
        for (String host : List.of("127.0.0.1", "169.254.169.254", "10.0.0.1", "[::1]", "localhost", "metadata.google.internal")) {
            check("bond: a host that is not public, " + host + " (finding 7)", 400, "POST", "/v1/nodes", other,
                    bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), host, "1000000000000"));
        }
        check("bond: loopback written as one number (finding 7)", 400, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), "2130706433", "1000000000000"));
        String signed = bondJson(OTHER, STRANGER, STRANGER.publicKeyBase58(), "s.hostile.example.org", "1000000000000");
        check("bond: without a signature (finding 5)", 400, "POST", "/v1/nodes", other,
                signed.replaceFirst(",\"signature\":\"[^\"]*\"", ""));
        check("bond: another key's identity, signed by the bonder's own key (finding 5)", 403, "POST", "/v1/nodes", other,
                bondJson(OTHER, STRANGER, MIX_UNBONDED.publicKeyBase58(), "s.hostile.example.org", "1000000000000"));
        check("bond: a signature captured from another account's bond (finding 5)", 403, "POST", "/v1/nodes",
                account("n1hostilethief"), signed);
        check("bond: a stale nonce (finding 5)", 409, "POST", "/v1/nodes", other,
                bondJsonSigned(STRANGER.publicKeyBase58(), "s.hostile.example.org", "1000000000000", bondingNonce() - 1,
                        STRANGER.signBase58(new BondingMessage(OTHER, STRANGER.publicKeyBase58(), "s.hostile.example.org", 8080,
                                bondingNonce() - 1).bytes())));
        check("bond: a 400,000-character signature (finding 5)", 400, "POST", "/v1/nodes", other,
                signed.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":\"" + huge + "\""));

        // --- rewards: a retried command (finding 6)
        String retried = "/v1/delegators/" + DELEGATOR + "/delegations";
        String delegator = account(DELEGATOR);
        expect(sendWithKey(retried, delegator, "hostile-retry-1", "{\"node_id\":" + mixNode + ",\"amount\":\"7000000\"}"), 202);
        checkWithKey("delegate: a retry with the same Idempotency-Key (finding 6)", 202, retried, delegator, "hostile-retry-1",
                "{\"node_id\":" + mixNode + ",\"amount\":\"7000000\"}");
        checkWithKey("delegate: the same Idempotency-Key with another amount (finding 6)", 409, retried, delegator,
                "hostile-retry-1", "{\"node_id\":" + mixNode + ",\"amount\":\"8000000\"}");
        checkWithKey("delegate: a malformed Idempotency-Key (finding 6)", 400, retried, delegator, "bad key;",
                "{\"node_id\":" + mixNode + ",\"amount\":\"8000000\"}");
        check("account path: 3,000-character address", 403, "POST", "/v1/delegators/" + "n1" + "a".repeat(3_000)
                + "/delegations", other, "{\"node_id\":1,\"amount\":\"1\"}");

        // --- rewards: admin input (finding 4)
        check("admin: active-set sizes that overflow an int", 400, "PUT", "/v1/admin/active-set", admin,
                "{\"entry_gateways\":2147483647,\"exit_gateways\":2147483647,\"mixnodes\":2147483647}");
        check("admin: active-set size over an int", 400, "PUT", "/v1/admin/active-set", admin,
                "{\"entry_gateways\":99999999999,\"exit_gateways\":1,\"mixnodes\":1}");
        check("admin: a negative sybil resistance", 400, "PUT", "/v1/admin/reward-params", admin, "{\"sybil_resistance\":\"-0.3\"}");

        // --- selection
        check("selection: advance the epoch without a token", 401, "POST", "/v1/admin/epochs/advance", null, "{}");
        check("selection: advance the epoch with an account token", 403, "POST", "/v1/admin/epochs/advance", owner, "{}");
        check("selection: an epoch beyond a long", 400, "GET", "/v1/epochs/99999999999999999999999/rewarded-set", null, null);

        // --- the gateway's per-client POST rate limit, last: it empties this client's bucket
        rateLimited();

        long asExpected = outcomes.stream().filter(Outcome::passed).count();
        long fiveHundreds = outcomes.stream().filter(o -> o.actual() >= 500).count();
        long writes = outcomes.stream().filter(o -> o.written() != 0).count();
        long unhealthy = outcomes.stream().filter(o -> !o.healthy()).count();
        System.out.printf("[hostile] summary: %d cases, %d answered as expected, %d 5xx, %d wrote to a log, %d left a service unready%n",
                outcomes.size(), asExpected, fiveHundreds, writes, unhealthy);
        assertThat(outcomes.stream().filter(o -> !o.passed()).map(o -> o.name() + ": expected " + o.expected() + ", was "
                + o.actual() + (o.jsonError() ? "" : " without the JSON error body")
                + (o.errorAsExpected() ? "" : " with error " + errorOf(o.body()) + ", not " + o.expectedError()) + (o.written() != 0 ? ", wrote " + o.written()
                + " events" : "") + (o.healthy() ? "" : ", a service unready") + " — " + abbreviate(o.body())).toList())
                .as("cases answered otherwise").isEmpty();
        assertThat(outcomes.size()).isGreaterThanOrEqualTo(60);
    }

    private void rateLimited() throws Exception {
        long before = totalEvents();
        AtomicInteger limited = new AtomicInteger();
        Outcome sample = null;
        for (int i = 0; i < 600 && limited.get() == 0; i++) {
            HttpResponse<String> r = send("POST", "/v1/nodes/" + mixNode + "/pledge", null, "{\"amount\":\"1\"}");
            if (r.statusCode() == 429) {
                limited.incrementAndGet();
                sample = new Outcome("POSTs beyond the per-client rate (finding 9)", 429, 429, jsonError(r.body())
                        && r.headers().firstValue("Retry-After").isPresent(), totalEvents() - before, true, r.body());
            }
        }
        Thread.sleep(3_000); // let the bucket refill before the health check goes through the gateway
        if (sample == null) {
            sample = new Outcome("POSTs beyond the per-client rate (finding 9)", 429, 200, false, totalEvents() - before, true,
                    "600 POSTs and none limited");
        }
        outcomes.add(new Outcome(sample.name(), 429, sample.actual(), sample.jsonError(), sample.written(), healthy(), sample.body()));
        print(outcomes.getLast());
    }

    private void checkWithKey(String name, int expected, String path, String authorization, String key, String body)
            throws Exception {
        long before = totalEvents();
        record(name, expected, before, sendWithKey(path, authorization, key, body));
    }

    private void check(String name, int expected, String method, String path, String authorization, String body)
            throws Exception {
        checkError(name, expected, null, method, path, authorization, body);
    }

    /** As {@link #check}, and the JSON error body's {@code error} must be {@code error}. */
    private void checkError(String name, int expected, String error, String method, String path, String authorization,
                            String body) throws Exception {
        long before = totalEvents();
        record(name, expected, error, before, send(method, path, authorization, body));
    }

    private void record(String name, int expected, long before, HttpResponse<String> r) throws Exception {
        record(name, expected, null, before, r);
    }

    private void record(String name, int expected, String error, long before, HttpResponse<String> r) throws Exception {
        Thread.sleep(150); // anything the request set off (an outbox publication, a consumer) has had its chance to land
        long written = totalEvents() - before;
        Outcome o = new Outcome(name, expected, r.statusCode(), jsonError(r.body()), written, healthy(), r.body(), error);
        outcomes.add(o);
        print(o);
    }

    private static String errorOf(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? null : n.path("error").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** An account's liquid balance, as rewards-service answers {@code GET /v1/accounts/{address}}. */
    private static BigInteger liquid(String address) throws Exception {
        HttpResponse<String> r = send("GET", "/v1/accounts/" + address, null, null);
        expect(r, 200);
        return new BigInteger(JSON.readTree(r.body()).get("liquid").asText());
    }

    private static void print(Outcome o) {
        System.out.printf("[hostile] %-4s %-90s expected %d, got %d%s%n", o.passed() ? "ok" : "FAIL", o.name(), o.expected(),
                o.actual(), o.passed() ? "" : " " + abbreviate(o.body()));
    }

    private static boolean jsonError(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() && n.path("error").isTextual() && !n.path("error").asText().isBlank()
                    && n.has("field") && n.path("reason").isTextual() && !n.path("reason").asText().isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    // ---------------------------------------------------------------- the system

    private static HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendWithKey(String path, String authorization, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", authorization).header("Idempotency-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as("set-up request answered %s", r.body()).isEqualTo(status);
    }

    private static void awaitOk(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", path, null, null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("GET %s answered 200 within 60 s", path).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Waits until no service's log has grown for two seconds: the set-up's events have all been applied. */
    private static void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long last = totalEvents();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < Duration.ofSeconds(2).toNanos()) {
            assertThat(System.nanoTime()).as("the services' logs stopped growing within 90 s").isLessThan(deadline);
            Thread.sleep(250);
            long now = totalEvents();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private static long totalEvents() throws Exception {
        long total = 0;
        for (String svc : ServiceProcesses.SERVICES) {
            try (Connection c = DriverManager.getConnection(LocalInfra.jdbcUrl(svc.replace('-', '_') + "_test"), "tokenomics", "tokenomics");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM e2e_" + system.run() + ".event_log")) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        return total;
    }

    private static boolean healthy() throws Exception {
        for (String svc : ServiceProcesses.SERVICES) {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl(svc) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- what the clients send

    private static String account(String address) {
        return tokens.bearer(address, Instant.now().getEpochSecond(), "account");
    }

    private static long bond(String owner, Ed25519Identity id, String host, boolean mixnode, boolean entry) throws Exception {
        String body = bondJson(owner, id, id.publicKeyBase58(), host, "1000000000000");
        if (!mixnode) {
            body = body.replace("\"mixnode\":true,\"entry\":false", "\"mixnode\":false,\"entry\":" + entry);
        }
        HttpResponse<String> r = send("POST", "/v1/nodes", account(owner), body);
        expect(r, 201);
        return JSON.readTree(r.body()).get("node_id").asLong();
    }

    private static long bondingNonce() throws Exception {
        return JSON.readTree(send("GET", "/v1/nodes/bonding-nonce", null, null).body()).get("nonce").asLong();
    }

    /** A bond body for {@code identityKey}, signed by {@code signer} for {@code owner} over the current nonce. */
    private static String bondJson(String owner, Ed25519Identity signer, String identityKey, String host, String pledge)
            throws Exception {
        long nonce = bondingNonce();
        String signature;
        try {
            signature = signer.signBase58(new BondingMessage(owner, identityKey, host, 8080, nonce).bytes());
        } catch (RuntimeException unsignable) {
            signature = "unsignable";
        }
        return bondJsonSigned(identityKey, host, pledge, nonce, signature);
    }

    private static String bondJsonSigned(String identityKey, String host, String pledge, long nonce, String signature) {
        return "{\"identity_key\":" + quote(identityKey) + ",\"host\":" + quote(host) + ",\"http_port\":8080,"
                + "\"roles\":{\"mixnode\":true,\"entry\":false,\"exit\":false},\"pledge\":\"" + pledge + "\","
                + "\"cost_params\":{\"profit_margin_percent\":\"0.1\",\"interval_operating_cost\":\"40000000\"},"
                + "\"nonce\":" + nonce + ",\"signature\":" + quote(signature) + "}";
    }

    private static String serial(int i) {
        byte[] b = new byte[48];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (i * 31 + k * 7 + 1);
        }
        return Base58.encode(b);
    }

    private static String ticketsJson(String serial, String type) {
        return "[{\"serial\":" + quote(serial) + ",\"ticket_type\":" + quote(type) + ",\"spend_date\":\""
                + LocalDate.now(ZoneOffset.UTC) + "\"}]";
    }

    private static String ticketBatch(Ed25519Identity gw, String key, Instant at, List<String> serials, String type) {
        return ticketBatchSigned(gw, gw, key, at, serials, type);
    }

    private static String ticketBatchSignedBy(Ed25519Identity signer, Ed25519Identity claimed, String key, List<String> serials) {
        return ticketBatchSigned(signer, claimed, key, Instant.now(), serials, "v1-mixnet-entry");
    }

    private static String ticketBatchSigned(Ed25519Identity signer, Ed25519Identity claimed, String key, Instant at,
                                            List<String> serials, String type) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<SubmittedTicket> tickets = serials.stream().map(s -> new SubmittedTicket(s, type, today)).toList();
        String signature;
        try {
            signature = signer.signBase58(BatchSigningPayload.bytes(new GatewayIdentity(claimed.publicKeyBase58()), key, at, tickets));
        } catch (RuntimeException unsignable) {
            signature = "unsignable";
        }
        StringBuilder items = new StringBuilder("[");
        for (String s : serials) {
            items.append(items.length() > 1 ? "," : "").append("{\"serial\":").append(quote(s)).append(",\"ticket_type\":")
                    .append(quote(type)).append(",\"spend_date\":\"").append(today).append("\"}");
        }
        return ticketBatchRaw(claimed.publicKeyBase58(), key, at.toString(), items.append("]").toString(), signature);
    }

    private static String ticketBatchRaw(String gw, String key, String submittedAt, String ticketsJson, String signature) {
        return "{\"gateway\":" + quote(gw) + ",\"idempotency_key\":" + quote(key) + ",\"tickets\":" + ticketsJson
                + ",\"submitted_at\":" + quote(submittedAt) + ",\"signature\":" + quote(signature) + "}";
    }

    private static String batchWith(String field) {
        String valid = ticketBatch(GATEWAY, "k-with", Instant.now(), List.of(serial(99)), "v1-mixnet-entry");
        return field.startsWith("\"tickets\"") ? valid.replaceFirst("\"tickets\":\\[[^\\]]*\\]", java.util.regex.Matcher.quoteReplacement(field))
                : valid.substring(0, valid.length() - 1) + "," + field + "}";
    }

    private static String resultsJson(List<MonitorResult> results) {
        StringBuilder b = new StringBuilder("[");
        for (MonitorResult m : results) {
            b.append(b.length() > 1 ? "," : "").append("{\"node_id\":").append(m.nodeId()).append(",\"identity\":")
                    .append(quote(m.identity())).append(",\"reliability\":").append(m.reliability()).append("}");
        }
        return b.append("]").toString();
    }

    private static String submission(List<MonitorResult> results, long timestamp, Ed25519Identity signer) {
        return submissionRaw(resultsJson(results), timestamp, signer.publicKeyBase58(),
                signer.signBase58(SignedMonitorPayload.bytes(results, timestamp)));
    }

    private static String submissionRaw(String results, long timestamp, String signer, String signature) {
        return "{\"results\":" + results + ",\"signature\":" + quote(signature) + ",\"signer\":" + quote(signer)
                + ",\"timestamp\":" + timestamp + "}";
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] seed(int i) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) i);
        return s;
    }

    /** A well-formed RS256 token signed by a key the services do not trust. */
    private static String forged(String account) throws Exception {
        Path other = Files.createTempDirectory("forged-keys");
        SystemRuns.writeLocalKeys(other);
        return new AccountTokens(other.resolve("jwt-private.pem")).bearer(account, Instant.now().getEpochSecond(), "account");
    }

    private static String unsigned(String account) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return "Bearer " + b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + b64.encodeToString(
                ("{\"iss\":\"nym-tokenomics\",\"aud\":\"nym-tokenomics-api\",\"sub\":\"" + account + "\",\"upn\":\"" + account
                        + "\",\"groups\":[\"account\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes()) + ".";
    }

    /** A token signed by the trusted key with the given audience, issue time and lifetime. */
    private static String withClaims(String account, String audience, long issuedAt, long lifetimeSeconds) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "nym-tokenomics");
        claims.put("aud", audience);
        claims.put("sub", account);
        claims.put("upn", account);
        claims.put("groups", List.of("account"));
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + lifetimeSeconds);
        return tokens.bearerWithClaims(claims);
    }
}
