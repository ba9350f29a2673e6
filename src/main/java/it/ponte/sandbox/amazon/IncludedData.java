package it.ponte.sandbox.amazon;

/** The datasets a caller may ask for with {@code includedData}; the sandbox fills BUYER, RECIPIENT, PROCEEDS and FULFILLMENT. */
public enum IncludedData {
    BUYER, RECIPIENT, PROCEEDS, EXPENSE, PROMOTION, CANCELLATION, FULFILLMENT, PACKAGES, TAX, PAYMENT, FULFILLMENT_ORDERS
}
