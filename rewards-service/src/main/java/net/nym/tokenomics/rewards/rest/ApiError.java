package net.nym.tokenomics.rewards.rest;

/** The body of every 4xx: what was wrong, with which field, and why. */
public record ApiError(String error, String field, String reason) {
}
