package it.ponte.amazon;

import it.ponte.remote.FailureClass;
import it.ponte.remote.RemoteCircuits;
import it.ponte.remote.RemoteFailure;

/**
 * A shipment Amazon would refuse before it is even sent: {@code carrierCode} and {@code trackingNumber} are required by
 * confirmShipment. A permanent failure of that command (its reason says what to fill in), not a call wasted on a 400.
 */
public class ShipmentNotConfirmable extends RuntimeException implements RemoteFailure {

    public ShipmentNotConfirmable(String message) {
        super(message);
    }

    @Override
    public String remote() {
        return RemoteCircuits.AMAZON;
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.PERMANENT;
    }

    @Override
    public String reason() {
        return getMessage();
    }
}
