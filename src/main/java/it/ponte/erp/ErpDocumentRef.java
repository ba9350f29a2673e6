package it.ponte.erp;

/** Where the ERP stored a document, and the codes of the customer account and ship-to it used. */
public record ErpDocumentRef(long documentId, String series, int number, String customerCode, String shipToCode, boolean created) {

    public String documentNumber() {
        return series + "/" + number;
    }
}
