package net.nym.tokenomics.rewards;
class Placeholder {}
