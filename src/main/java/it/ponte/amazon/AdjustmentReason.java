package it.ponte.amazon;

/** Amazon's AdjustmentReason values of the POST_PAYMENT_ADJUSTMENT_DATA feed. */
public enum AdjustmentReason {
    NoInventory, CustomerReturn, GeneralAdjustment, CouldNotShip, DifferentItem, Abandoned, CustomerCancel, PriceError,
    ProductOutofStock, CustomerAddressIncorrect, Exchange, Other, CarrierCreditDecision, RiskAssessmentInformationNotValid,
    CarrierCoverageFailure, TransactionRecord, Undeliverable, RefusedDelivery
}
