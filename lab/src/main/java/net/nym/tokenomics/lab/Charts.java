package net.nym.tokenomics.lab;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The paper's figure types as PNGs (JFreeChart, headless). Coordinates are doubles converted from the exact results;
 * nothing computed here feeds back into a result.
 */
public final class Charts {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;

    private Charts() {
    }

    public static List<Path> write(Scenario s, List<LabRun.Month> months, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        double cost = s.nodes().intervalOperatingCostNym();
        Map<String, ToDoubleFunction<LabRun.Month>> flows = new LinkedHashMap<>();
        flows.put("pool emission (B × epochs)", m -> nym(m.result().emission()));
        flows.put("fees to mixnet", m -> nym(m.result().feesToMixnet()));
        flows.put("available R = emission + fees", m -> nym(m.result().emission().plus(m.result().feesToMixnet())));
        flows.put("distributed Σ R_i", m -> nym(m.result().distributed()));
        flows.put("unclaimed U", m -> nym(m.result().unclaimed()));
        files.add(line(out.resolve("flows.png"), s.name() + ": pool emission, fees, distributed and unclaimed per month",
                "NYM per month", months, flows));
        Map<String, ToDoubleFunction<LabRun.Month>> pool = new LinkedHashMap<>();
        pool.put("mixmining pool P(t)", m -> nym(m.result().params().interval().rewardPool()));
        pool.put("staking supply", m -> nym(m.result().params().interval().stakingSupply()));
        files.add(line(out.resolve("pool.png"), s.name() + ": mixmining pool and staking supply", "NYM", months, pool));
        Map<String, ToDoubleFunction<LabRun.Month>> size = new LinkedHashMap<>();
        size.put("W", m -> m.size().width());
        size.put("K", m -> m.size().rewarded());
        size.put("N", m -> m.size().candidates());
        files.add(line(out.resolve("network-size.png"), s.name() + ": mixnet width W, rewarded K and candidates N",
                "nodes", months, size));
        files.add(box(out.resolve("node-rewards.png"), s.name() + ": monthly node rewards", "NYM per month", months,
                n -> nym(n.reward())));
        files.add(box(out.resolve("operator-profit.png"), s.name() + ": monthly operator profit (operator reward − cost)",
                "NYM per month", months, n -> nym(n.operator()) - cost));
        files.add(box(out.resolve("delegate-ros.png"), s.name() + ": delegates' annualised return on stake (×12, no compounding)",
                "annual ROS", months, n -> n.start().delegates().isZero() ? Double.NaN
                        : 12 * n.delegates().toDouble() / n.start().delegates().toDouble()));
        for (int year : new int[]{1, 5}) {
            int from = (year - 1) * 12;
            if (months.size() < from + 1) {
                continue;
            }
            List<LabRun.Month> ys = months.subList(from, Math.min(months.size(), from + 12));
            files.add(scatter(out.resolve("reward-vs-reputation-year" + year + ".png"),
                    s.name() + " year " + year + ": annualised node reward vs reputation", "reputation (stake / saturation)",
                    "NYM per year", Map.of("nodes", points(ys, n -> n.bondSaturation().toDouble(), n -> 12 * nym(n.reward())))));
            files.add(scatter(out.resolve("reward-vs-pledge-year" + year + ".png"),
                    s.name() + " year " + year + ": annualised node reward vs pledge saturation", "pledge / saturation",
                    "NYM per year", Map.of("nodes", points(ys, n -> n.pledgeSaturation().toDouble(), n -> 12 * nym(n.reward())))));
            files.add(scatter(out.resolve("operator-vs-pledge-year" + year + ".png"),
                    s.name() + " year " + year + ": annualised operator profit vs pledge saturation", "pledge / saturation",
                    "NYM per year", Map.of("operators", points(ys, n -> n.pledgeSaturation().toDouble(),
                            n -> 12 * (nym(n.operator()) - cost)))));
            files.add(scatter(out.resolve("delegate-ros-vs-reputation-year" + year + ".png"),
                    s.name() + " year " + year + ": delegates' annual ROS vs reputation", "reputation", "annual ROS",
                    Map.of("nodes", points(ys, n -> n.start().delegates().isZero() ? Double.NaN : n.bondSaturation().toDouble(),
                            n -> n.start().delegates().isZero() ? Double.NaN
                                    : 12 * n.delegates().toDouble() / n.start().delegates().toDouble()))));
            for (long stake : new long[]{1_000, 10_000, 100_000}) {
                Map<String, List<double[]>> series = new LinkedHashMap<>();
                series.put("pledging " + stake + " NYM", points(ys, n -> {
                    double pledge = nym(n.start().operator());
                    return pledge >= 0.8 * stake && pledge <= 1.2 * stake ? n.bondSaturation().toDouble() : Double.NaN;
                }, n -> stake * 12 * (nym(n.operator()) - cost) / nym(n.start().operator())));
                series.put("delegating " + stake + " NYM", points(ys, n -> nym(n.start().delegates()) >= stake
                        ? n.bondSaturation().toDouble() : Double.NaN,
                        n -> stake * 12 * n.delegates().toDouble() / n.start().delegates().toDouble()));
                files.add(scatter(out.resolve("pledge-vs-delegate-" + stake + "-year" + year + ".png"),
                        s.name() + " year " + year + ": yearly return of pledging vs delegating " + stake + " NYM",
                        "reputation", "NYM per year", series));
            }
        }
        return files;
    }

    static double nym(net.nym.tokenomics.eventlog.decimal.Decimal unym) {
        return unym.toDouble() / 1e6;
    }

    private static List<double[]> points(List<LabRun.Month> months, ToDoubleFunction<IntervalEngine.NodeResult> x,
                                         ToDoubleFunction<IntervalEngine.NodeResult> y) {
        List<double[]> out = new ArrayList<>();
        for (LabRun.Month m : months) {
            for (IntervalEngine.NodeResult n : m.result().nodes()) {
                double px = x.applyAsDouble(n);
                if (!Double.isNaN(px)) {
                    out.add(new double[]{px, y.applyAsDouble(n)});
                }
            }
        }
        return out;
    }

    static Path line(Path file, String title, String yLabel, List<LabRun.Month> months,
                     Map<String, ToDoubleFunction<LabRun.Month>> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, f) -> {
            XYSeries xy = new XYSeries(name);
            for (LabRun.Month m : months) {
                xy.add(m.month() + 1, f.applyAsDouble(m));
            }
            data.addSeries(xy);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "month", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }

    public static Path scatter(Path file, String title, String xLabel, String yLabel, Map<String, List<double[]>> series)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, pts) -> {
            XYSeries xy = new XYSeries(name, false, true);
            for (double[] p : pts) {
                xy.add(p[0], p[1]);
            }
            data.addSeries(xy);
        });
        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesShape(i, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }

    private static Path box(Path file, String title, String yLabel, List<LabRun.Month> months,
                            ToDoubleFunction<IntervalEngine.NodeResult> value) throws IOException {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (LabRun.Month m : months) {
            List<Double> values = new ArrayList<>();
            for (IntervalEngine.NodeResult n : m.result().nodes()) {
                double v = value.applyAsDouble(n);
                if (!Double.isNaN(v)) {
                    values.add(v);
                }
            }
            data.add(values, "nodes", Integer.valueOf(m.month() + 1));
        }
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(title, "month", yLabel, data, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        // one label per month stays readable at 60 months only turned upright and small
        org.jfree.chart.axis.CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
        axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_90);
        axis.setTickLabelFont(axis.getTickLabelFont().deriveFont(9f));
        BoxAndWhiskerRenderer r = (BoxAndWhiskerRenderer) chart.getCategoryPlot().getRenderer();
        r.setMeanVisible(false);
        r.setMaxOutlierVisible(false);
        r.setMinOutlierVisible(false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }
}
