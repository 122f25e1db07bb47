package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import java.util.Map;

/**
 * Network-monitor keys made for this test run: {@link #ALLOWED} is put on the service's allow-list, {@link #STRANGER}
 * is not. Use {@code @QuarkusTestResource(MonitorKeys.class)} (with TestJwt) on every Quarkus test so they share one app.
 */
public final class MonitorKeys implements QuarkusTestResourceLifecycleManager {

    public static final KeyPair ALLOWED = generate();
    public static final KeyPair STRANGER = generate();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKey(KeyPair keys) {
        return Base58.encode(Ed25519.rawPublicKey(keys.getPublic()));
    }

    /** The bs58 signature over nym-api's message: json(results) ‖ timestamp_le_i64. */
    public static String sign(KeyPair keys, List<MonitorResult> results, long timestamp) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(SignedMonitorPayload.bytes(results, timestamp));
            return Base58.encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("performance.submission.allowed-signers", publicKey(ALLOWED));
    }

    @Override
    public void stop() {
    }
}
