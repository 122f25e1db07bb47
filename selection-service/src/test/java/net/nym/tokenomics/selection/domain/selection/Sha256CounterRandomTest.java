package net.nym.tokenomics.selection.domain.selection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Literal vectors of the "SHA-256 counter mode" stream. They were computed independently of this code (Python
 * hashlib: {@code sha256(seed + i.to_bytes(8, 'big'))}), so a change to the generator fails here.
 */
class Sha256CounterRandomTest {

    private static final Seed SEED = new Seed("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void firstLongsCrossTheBlockBoundary() {
        Sha256CounterRandom rng = new Sha256CounterRandom(SEED);
        assertThat(new long[]{rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong()})
                .containsExactly(-6208523247429187395L, 4092613261126186783L, -8308537108008064511L,
                        -4759807775785618224L, 6945047847015946120L, -5020701145502421018L);
    }

    @Test
    void firstDoublesAreTheTop53Bits() {
        Sha256CounterRandom rng = new Sha256CounterRandom(SEED);
        assertThat(new double[]{rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble()})
                .containsExactly(0.6634352803605258, 0.22186100944279974, 0.5495933008660613, 0.7419703034439917,
                        0.3764917981875231, 0.7278272455322906);
    }

    @Test
    void nextIntIsTheLow63BitsModuloTheBound() {
        Sha256CounterRandom rng = new Sha256CounterRandom(SEED);
        long first = -6208523247429187395L >>> 1;
        assertThat(rng.nextInt(1000)).isEqualTo((int) (first % 1000));
        assertThat(rng.nextInt(1)).isZero();
    }

    @Test
    void sameSeedSameStreamDifferentSeedDifferentStream() {
        Sha256CounterRandom a = new Sha256CounterRandom(SEED);
        Sha256CounterRandom b = new Sha256CounterRandom(SEED);
        Sha256CounterRandom c = new Sha256CounterRandom(new Seed("00"));
        for (int i = 0; i < 100; i++) {
            long x = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(x);
            assertThat(c.nextLong()).isNotEqualTo(x);
        }
    }

    @Test
    void nextIntRejectsNonPositiveBound() {
        assertThatThrownBy(() -> new Sha256CounterRandom(SEED).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
