package it.ponte.erp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ERP side: its edition (which shipping fields it fills), where web orders and web customers go, and the
 * cancel reason codes ("causali") that mark an Amazon order cancelled by the accountant.
 */
@ConfigurationProperties("ponte.erp")
public record ErpProperties(
        @DefaultValue("MEXAL") ErpEdition edition,
        @DefaultValue("WEB") String webOrderSeries,
        @DefaultValue("501") String webCustomerLedger,
        @DefaultValue("SPESE-TRASP") String shippingExpenseItem,
        @DefaultValue({"ANN-AMZ"}) List<String> amazonCancelReasons,
        @DefaultValue("200") int insertBatchSize) {
}
