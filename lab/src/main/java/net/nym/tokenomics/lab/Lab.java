package net.nym.tokenomics.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * The lab's command line.
 * <pre>
 *   java -jar lab/target/lab-0.1.0-SNAPSHOT.jar run   lab/scenarios/s0.json --out target/lab-s0 [--months 12]
 *   java -jar lab/target/lab-0.1.0-SNAPSHOT.jar price lab/scenarios/s1.json --out target/lab-price
 * </pre>
 */
public final class Lab {

    private Lab() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length < 2 || !(args[0].equals("run") || args[0].equals("price"))) {
            System.err.println("usage: lab run|price <scenario.json> [--out DIR] [--months N] [--no-charts]");
            System.exit(2);
        }
        Scenario s = Scenario.read(Path.of(args[1]));
        Path out = Path.of("target", "lab-" + s.name().toLowerCase());
        boolean charts = true;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--months" -> s = s.withMonths(Integer.parseInt(args[++i]));
                case "--no-charts" -> charts = false;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (args[0].equals("price")) {
            PriceCheck.Summary p = PriceCheck.run(s, out);
            System.out.printf("Theorem 1 over %d sampled epochs (W=%d, E[M]=%d packets, τ=%s uNYM/packet):%n",
                    s.pricing().samples(), p.price().width(), p.price().expectedDemand(), p.price().surplus());
            System.out.printf("  F(1) = %s uNYM/packet%n", p.price().fee(1));
            System.out.printf("  mean demand %s, mean fees %s uNYM, mean costs %s uNYM%n", p.meanDemand(), p.meanRevenue(), p.meanCost());
            System.out.printf("  mean surplus %s uNYM (τ·E[M] = %s), per packet %s (τ = %s)%n", p.meanSurplus(),
                    p.predictedSurplus(), p.surplusPerPacket(), p.price().surplus());
            System.out.println("  " + out.resolve("theorem1.csv") + ", " + out.resolve("theorem1.png"));
            return;
        }
        long started = System.nanoTime();
        System.out.printf("%s: %d months, %s mode, seed %s, %d cores%n", s.name(), s.months(), s.mode(), s.seed(),
                Runtime.getRuntime().availableProcessors());
        List<LabRun.Month> months = new LabRun(s, System.out::println).run(out);
        double computed = (System.nanoTime() - started) / 1e9;
        System.out.printf("computed %d months in %.1f s%n", months.size(), computed);
        if (charts) {
            Charts.write(s, months, out);
            System.out.printf("charts written in %.1f s%n", (System.nanoTime() - started) / 1e9 - computed);
        }
        System.out.println("output: " + out.toAbsolutePath());
    }
}
