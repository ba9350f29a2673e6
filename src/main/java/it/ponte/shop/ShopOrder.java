package it.ponte.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A shop order with its rows, as the ERP insert, the REST API and the reports see it. */
public record ShopOrder(
        long id,
        OrderOrigin origin,
        OrderStatus status,
        long customerId,
        Long shipAddressId,
        Instant orderDate,
        String currency,
        BigDecimal itemsTotal,
        BigDecimal shippingTotal,
        BigDecimal orderTotal,
        String amazonAccountId,
        String amazonOrderId,
        String marketplaceId,
        String amazonStatus,
        String amazonState,
        Instant amazonLastUpdated,
        String erpRef,
        String erpSeries,
        Integer erpNumber,
        String erpError,
        String carrier,
        Instant shipDate,
        String trackingNumber,
        String cancelReason,
        String refundReason,
        Instant updatedAt,
        List<OrderRow> rows) {

    public String erpDocumentNumber() {
        return erpSeries == null || erpNumber == null ? null : erpSeries + "/" + erpNumber;
    }

    public ShopOrder withRows(List<OrderRow> newRows) {
        return new ShopOrder(id, origin, status, customerId, shipAddressId, orderDate, currency, itemsTotal, shippingTotal,
                orderTotal, amazonAccountId, amazonOrderId, marketplaceId, amazonStatus, amazonState, amazonLastUpdated, erpRef, erpSeries, erpNumber,
                erpError, carrier, shipDate, trackingNumber, cancelReason, refundReason, updatedAt, newRows);
    }

    public record OrderRow(int lineNo, String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal rowTotal,
                           Long productId, String amazonOrderItemId) {
    }
}
