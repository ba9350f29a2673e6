package it.ponte.sandbox.erp;

import java.time.Instant;

/** What the accountant writes when the goods leave: carrier, start of transport, and the tracking number if known. */
public record ShippingDetails(String carrier, Instant transportStart, String trackingNumber) {

    public ShippingDetails {
        if (carrier == null || carrier.isBlank()) {
            throw new IllegalArgumentException("carrier is required.");
        }
        if (carrier.length() > 100) {
            throw new IllegalArgumentException("carrier is longer than 100 characters.");
        }
        if (transportStart == null) {
            throw new IllegalArgumentException("transportStart is required.");
        }
        if (trackingNumber != null && trackingNumber.length() > 100) {
            throw new IllegalArgumentException("trackingNumber is longer than 100 characters.");
        }
        trackingNumber = trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber;
    }
}
