package net.nym.tokenomics.performance.domain.config;

/**
 * nym-api's {@code ConfigScore} as reported in annotations: the f64 score and the facts behind it.
 * {@code versionsBehind} is null when there was no self-description or the version was not valid semver.
 */
public record ConfigScore(double score, Long versionsBehind, boolean selfDescribedApiAvailable,
                          boolean acceptedTermsAndConditions, boolean runsNymNodeBinary) {

    public ConfigScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("config score must be within [0, 1], got " + score);
        }
    }

    /** B.4 case 1: no self-described entry. */
    public static final ConfigScore NOT_DESCRIBED = new ConfigScore(0.0, null, false, false, false);

    /** B.4 case 2: bad semver; the flags are reported false even for an otherwise compliant node (nym-api does). */
    public static final ConfigScore BAD_VERSION = new ConfigScore(0.0, null, true, false, false);
}
