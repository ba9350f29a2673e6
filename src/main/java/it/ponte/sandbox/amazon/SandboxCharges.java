package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an order carries beside its items and shipping, VAT included as on Amazon's EU marketplaces: gift wrap, a
 * promotion's discount (a positive amount taken off), a delivery tip (order level, in the grand total but on no item,
 * as in Amazon's own model example), and the VAT rate the amounts contain.
 */
public record SandboxCharges(BigDecimal giftWrap, BigDecimal discount, BigDecimal deliveryTip, BigDecimal vatRatePercent,
                             String promotionId) {

    public static final BigDecimal ITALIAN_VAT = new BigDecimal("22");
    public static final SandboxCharges NONE = new SandboxCharges(null, null, null, null, null);

    public SandboxCharges {
        giftWrap = money(giftWrap);
        discount = money(discount);
        deliveryTip = money(deliveryTip);
        vatRatePercent = vatRatePercent == null ? ITALIAN_VAT : vatRatePercent;
    }

    /** The VAT contained in a VAT-included amount, rounded to the cent. */
    public BigDecimal vatIn(BigDecimal gross) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return gross.multiply(vatRatePercent).divide(hundred.add(vatRatePercent), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
