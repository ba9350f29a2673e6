package it.ponte.erp;

/**
 * The two ERP editions (seed 001): Mexal fills carrier, transport start and tracking number; Ho.Re.Ca. fills
 * carrier and transport start in the document footer, the carrier named exactly as a shop shipping method's carrier.
 */
public enum ErpEdition {
    MEXAL,
    HORECA
}
