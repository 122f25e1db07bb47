package net.nym.tokenomics.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PriceCheckTest {

    /** Over sampled demand, fees cover the costs and leave about τ per packet (Theorem 1), and the figure is drawn. */
    @Test
    void feesCoverCostsAndLeaveTheSurplusInExpectation(@TempDir Path out) throws Exception {
        Scenario s = Scenario.read(Path.of("scenarios/s1.json"));
        PriceCheck.Summary p = PriceCheck.run(s, out);
        BigDecimal tau = p.price().surplus().toBigDecimal();
        assertThat(p.meanRevenue()).isGreaterThan(p.meanCost());
        // in expectation the surplus is τ·E[M]; the sample mean of 2000 draws (σ = 20 %) lands within 2 % of it
        BigDecimal relative = p.meanSurplus().subtract(p.predictedSurplus()).abs().divide(p.predictedSurplus(), java.math.MathContext.DECIMAL64);
        assertThat(relative).isLessThan(new BigDecimal("0.02"));
        assertThat(p.surplusPerPacket().subtract(tau).abs()).isLessThan(new BigDecimal("0.01"));
        assertThat(Files.size(out.resolve("theorem1.png"))).isGreaterThan(1000);
    }
}
