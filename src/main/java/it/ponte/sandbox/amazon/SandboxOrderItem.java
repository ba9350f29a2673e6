package it.ponte.sandbox.amazon;

import java.math.BigDecimal;

/** One order row; {@code unitPrice} is VAT included, as Amazon.it shows it. */
public record SandboxOrderItem(String orderItemId, String sku, String asin, String title, int quantity, BigDecimal unitPrice) {

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
