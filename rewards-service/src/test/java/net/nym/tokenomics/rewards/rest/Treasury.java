package net.nym.tokenomics.rewards.rest;

import io.restassured.http.ContentType;
import net.nym.tokenomics.eventlog.testing.TestJwt;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Funds test accounts the only way tokens move after genesis (issue 15): a transfer from the treasury, which holds the
 * supply less the pool when the service starts without a genesis file ({@code rewards.genesis.treasury}).
 */
public final class Treasury {

    public static final String ACCOUNT = "n1treasury";
    /** Enough for any test's pledge and delegations: 10,000,000 NYM. */
    public static final String PLENTY = "10000000000000";

    private Treasury() {
    }

    /** Transfers {@code amount} uNYM from the treasury to {@code account} through the REST API. */
    public static void fund(String account, String amount) {
        given().header("Authorization", TestJwt.bearer(ACCOUNT)).contentType(ContentType.JSON)
                .body(Map.of("to", account, "amount", amount))
                .post("/v1/accounts/" + ACCOUNT + "/transfers").then().statusCode(200);
    }

    /** {@link #fund(String, String)} with {@link #PLENTY}. */
    public static void fund(String account) {
        fund(account, PLENTY);
    }
}
