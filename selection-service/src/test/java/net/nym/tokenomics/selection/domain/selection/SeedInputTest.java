package net.nym.tokenomics.selection.domain.selection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedInputTest {

    @Test
    void hashChainVectorsComputedIndependently() {
        // Python: sha256(b"nym-selection-seed-v1" + e.to_bytes(8, "big") + bytes(32)).hexdigest()
        assertThat(new SeedInput.HashChain(Digest.ZERO).seedFor(0).hex())
                .isEqualTo("a07385dfbd4e99f4b9992f6dbaade81b18c5e26d5cd8ad6eea638a77aa1de7a2");
        assertThat(new SeedInput.HashChain(Digest.ZERO).seedFor(7).hex())
                .isEqualTo("ba7154bb0b5857d5a728013c69ea0c09b59672101a9a387922cdfd8e48498f41");
    }

    @Test
    void hashChainDependsOnEpochAndPreviousDigest() {
        Digest other = Digest.sha256("previous result");
        assertThat(new SeedInput.HashChain(other).seedFor(7)).isNotEqualTo(new SeedInput.HashChain(Digest.ZERO).seedFor(7));
        assertThat(new SeedInput.HashChain(other).seedFor(8)).isNotEqualTo(new SeedInput.HashChain(other).seedFor(7));
    }

    @Test
    void beaconIsUsedAsIsAndNormalisedToLowercase() {
        SeedInput.Beacon beacon = new SeedInput.Beacon("ABCDEF0123");
        assertThat(beacon.seedFor(1).hex()).isEqualTo("abcdef0123");
        assertThat(beacon.seedFor(2)).isEqualTo(beacon.seedFor(1));
        assertThat(beacon.canonical()).isEqualTo("beacon:abcdef0123");
    }

    @Test
    void malformedHexIsRejected() {
        assertThatThrownBy(() -> new SeedInput.Beacon("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeedInput.Beacon("zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Digest("00")).isInstanceOf(IllegalArgumentException.class);
    }
}
