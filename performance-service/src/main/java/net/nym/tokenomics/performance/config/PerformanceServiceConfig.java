package net.nym.tokenomics.performance.config;

import net.nym.tokenomics.eventlog.encoding.Base58;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.performance.domain.config.ConfigScoreParams;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.domain.monitoring.SubmissionPolicy;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.domain.version.VersionWeights;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code performance.*}: submission limits, the monitor allow-list, the prober and the scoring parameters. */
@ConfigMapping(prefix = "performance")
public interface PerformanceServiceConfig {

    /** Kafka consumer names (group id and inbox key) start with this. */
    @WithDefault("performance-service")
    String consumerPrefix();

    /** An epoch's result is stored as events of at most this many nodes each (Kafka's 1 MiB record limit). */
    @WithDefault("1000")
    int epochNodesPerEvent();

    Submission submission();

    Prober prober();

    Scoring scoring();

    /** Measurements and probe facts older than this before the newest one are dropped from the in-memory state. */
    @WithDefault("PT48H")
    Duration retention();

    /**
     * How many published epochs' results the in-memory state keeps (a day's: the start-up check of the history table
     * reads the newest); the REST reads come from the history table, so this bounds the heap, not what can be read.
     */
    @WithDefault("24")
    int retainedEpochs();

    interface Submission {
        /** Base58 ed25519 keys of the network monitors allowed to submit (nym-api: a hard-coded list). */
        Optional<List<String>> allowedSigners();

        @WithDefault("PT5S")
        Duration freshness();

        @WithDefault("20000")
        int maxResults();

        /** Bodies above this many bytes are refused with 413 before parsing. */
        @WithDefault("4194304")
        int maxBodyBytes();

        /**
         * A submission is stored as events of at most this many results each (one transaction), so each event stays
         * well below Kafka's 1 MiB record limit (10,000 results are about 1.1 MB as one event).
         */
        @WithDefault("2000")
        int resultsPerEvent();

        /** How long a submission key is remembered for replay detection (must exceed freshness plus clock skew). */
        @WithDefault("PT1H")
        Duration replayRetention();

        default SubmissionPolicy policy() {
            return new SubmissionPolicy(freshness(), maxResults());
        }
    }

    interface Prober {
        @WithDefault("true")
        boolean enabled();

        /** Quarkus scheduler expression, e.g. 4500s (nym-api's describe cache) or "off". */
        @WithDefault("4500s")
        String every();

        /** Deadline for one node's whole probe: connecting, its four requests and their bodies, however slow. */
        @WithDefault("PT5S")
        Duration timeout();

        /** A node's answer with a larger body is refused without reading it (nym-node's answers are under 2 KiB). */
        @WithDefault("65536")
        int maxBodyBytes();

        /** Probes running at once. */
        @WithDefault("50")
        int concurrency();

        /** A run stops after this; nodes not probed by then keep their previous fact until the next run. */
        @WithDefault("PT30M")
        Duration runTimeout();

        /** Port used when a node's bond declares none (nym-node's default HTTP port). */
        @WithDefault("8080")
        int defaultPort();
    }

    interface Scoring {
        @WithDefault("LEGACY")
        RoutingProvider routingProvider();

        @WithDefault("PT24H")
        Duration window();

        @WithDefault("100")
        long weightMajor();

        @WithDefault("10")
        long weightMinor();

        @WithDefault("1")
        long weightPatch();

        @WithDefault("1")
        long weightPrerelease();

        @WithDefault("0.995")
        String penalty();

        @WithDefault("1.65")
        String penaltyScaling();

        default ConfigScoreParams configScoreParams() {
            return new ConfigScoreParams(new VersionWeights(weightMajor(), weightMinor(), weightPatch(), weightPrerelease()),
                    Decimal.parse(penalty()), Decimal.parse(penaltyScaling()));
        }

        default PerformanceConfig performanceConfig() {
            return new PerformanceConfig(routingProvider(), window(), configScoreParams());
        }
    }
}
