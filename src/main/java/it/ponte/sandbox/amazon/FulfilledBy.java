package it.ponte.sandbox.amazon;

/** Who ships the order: the seller (FBM) or Amazon (FBA). */
public enum FulfilledBy {
    MERCHANT, AMAZON
}
