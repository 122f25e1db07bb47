package net.nym.tokenomics.performance.rest;

/** The body of every 4xx: a stable error code, the field at fault and the reason. */
public record ApiError(String error, String field, String reason) { }
