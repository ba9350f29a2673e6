package it.ponte.erp;

import java.util.Map;
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
        /* ERP cancel reason ("causale") → Amazon CancelReason sent when the accountant cancels an Amazon order */
        Map<String, String> amazonCancelReasons,
        /* a hole in the change log older than this is a rolled-back write, not a late commit */
        @DefaultValue("10m") java.time.Duration changeGapTimeout,
        /* change-log lines read per query of a CHANGED run */
        @DefaultValue("10000") int changePageSize,
        /* document ids read per query of a TOTAL run */
        @DefaultValue("5000") int documentPageSize,
        /* REGISTERED orders stored per ERP transaction by the ERP insert (routes/erp-insert.camel.yaml reads it) */
        @DefaultValue("500") int insertBatchSize,
        /* failed ERP inserts of one order (its own failures: an ERP outage never counts) before it is parked */
        @DefaultValue("5") int maxInsertAttempts) {

    public Map<String, String> amazonCancelReasons() {
        return amazonCancelReasons == null ? Map.of() : amazonCancelReasons;
    }
}
