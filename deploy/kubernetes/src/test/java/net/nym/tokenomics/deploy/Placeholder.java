package net.nym.tokenomics.deploy;
class Placeholder {}
