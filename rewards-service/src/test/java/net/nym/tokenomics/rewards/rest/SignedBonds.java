package net.nym.tokenomics.rewards.rest;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.BondingMessage;
import net.nym.tokenomics.eventlog.signing.Ed25519;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Bond request bodies signed as a node operator signs them: by the node's ed25519 identity key over event-log's
 * {@link BondingMessage}, with the current {@code GET /v1/nodes/bonding-nonce}. A test node's key is derived from its
 * name, so the same name gives the same key in every run (and test accounts are unique per run, so are their keys).
 */
public final class SignedBonds {

    private SignedBonds() {
    }

    /** The identity key pair of the test node {@code name}: seed = SHA-256("rewards-test-node:" + name). */
    public static KeyPair identity(String name) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(("rewards-test-node:" + name).getBytes(StandardCharsets.UTF_8));
            return Ed25519.keyPair(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String key(KeyPair identity) {
        return Base58.encode(Ed25519.rawPublicKey(identity.getPublic()));
    }

    /** The service's current bonding nonce (the node id the next bond gets). */
    public static long nonce() {
        return given().get("/v1/nodes/bonding-nonce").then().statusCode(200).extract().jsonPath().getLong("nonce");
    }

    /** {@code body} with {@code nonce} and {@code signature} added: signed by {@code identity} for {@code owner} at the current nonce. */
    public static Map<String, Object> signed(Map<String, Object> body, String owner, KeyPair identity) {
        return signed(body, owner, identity, nonce());
    }

    /** As {@link #signed(Map, String, KeyPair)}, over a given nonce; the body's identity key, host and port are signed as they are. */
    public static Map<String, Object> signed(Map<String, Object> body, String owner, KeyPair identity, long nonce) {
        BondingMessage message = new BondingMessage(owner, (String) body.get("identity_key"), (String) body.get("host"),
                (Integer) body.get("http_port"), nonce);
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("nonce", nonce);
        out.put("signature", Base58.encode(message.signedWith(identity.getPrivate())));
        return out;
    }
}
