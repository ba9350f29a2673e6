package it.ponte.sandbox.erp;

/** No ERP document with that series and number. */
public class ErpDocumentNotFoundException extends RuntimeException {

    public ErpDocumentNotFoundException(String series, int number) {
        super("No ERP document " + series + "/" + number + ".");
    }
}
