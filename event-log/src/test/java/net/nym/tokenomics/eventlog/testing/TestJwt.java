package net.nym.tokenomics.eventlog.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * JWTs for tests, signed by a key pair made for this test run only (no key is committed). Use
 * {@code @QuarkusTestResource(TestJwt.class)} on a test: the service then verifies tokens with the run's public key, as it
 * verifies the API gateway's tokens in production ({@code mp.jwt.verify.*}).
 */
public final class TestJwt implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "nym-tokenomics";
    /** The audience the services require ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "nym-tokenomics-api";
    private static final KeyPair KEYS = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code account} with the given roles (e.g. "account", "admin"). */
    public static String token(String account, String... roles) {
        return token(ISSUER, AUDIENCE, Instant.now(), Duration.ofMinutes(30), account, roles);
    }

    /** A token signed by the run's key with the given claims: for tests of what the services refuse. */
    public static String token(String issuer, String audience, Instant issuedAt, Duration lifetime, String account,
                               String... roles) {
        return Jwt.issuer(issuer).audience(audience).subject(account).upn(account).groups(Set.of(roles))
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime)).sign(KEYS.getPrivate());
    }

    public static String bearer(String account, String... roles) {
        return "Bearer " + token(account, roles);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path pem = Files.createTempFile("test-jwt-", ".pem");
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            pem.toFile().deleteOnExit();
            return Map.of("mp.jwt.verify.publickey.location", pem.toUri().toString(), "mp.jwt.verify.issuer", ISSUER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the temp file goes with the JVM
    }
}
