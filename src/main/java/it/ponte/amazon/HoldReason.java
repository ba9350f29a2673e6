package it.ponte.amazon;

/**
 * Why an Amazon order in an imported status could not be imported yet. Amazon hands out the buyer's e-mail
 * and the ship-to address only for merchant-fulfilled orders from UNSHIPPED on, and a pending order may have
 * no prices: such an order waits, with its reason, instead of getting an invented customer. An order of a
 * marketplace the account does not list, or whose amounts do not add up to its total, waits too: the hold's
 * reason names the marketplace, or the difference.
 */
public enum HoldReason {
    MISSING_EMAIL,
    MISSING_ADDRESS,
    MISSING_PRICES,
    NO_ITEMS,
    FOREIGN_MARKETPLACE,
    TOTALS_MISMATCH
}
