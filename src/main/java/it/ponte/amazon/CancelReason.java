package it.ponte.amazon;

/** Amazon's CancelReason values of the POST_ORDER_ACKNOWLEDGEMENT_DATA feed. */
public enum CancelReason {
    NoInventory, ShippingAddressUndeliverable, CustomerExchange, BuyerCanceled, GeneralAdjustment, CarrierCreditDecision,
    RiskAssessmentInformationNotValid, CarrierCoverageFailure, CustomerReturn, MerchandiseNotReceived
}
