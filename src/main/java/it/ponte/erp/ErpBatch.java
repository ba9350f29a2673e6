package it.ponte.erp;

import it.ponte.shop.ShopOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of the ERP insert: the REGISTERED shop orders with their documents' drafts, stored together in one ERP
 * transaction ({@link ErpBatchStore}); the orders skipped (gone, or inserted meanwhile); the orders left to the
 * one-by-one route (a draft that could not be made, or every order of a batch whose transaction failed).
 */
public final class ErpBatch {

    /** A shop order and the document it asks for. */
    public record Entry(ShopOrder order, ErpDocumentDraft draft) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<ErpInsertOutcome> skipped = new ArrayList<>();
    private final List<Long> oneByOne = new ArrayList<>();
    private final Map<String, ErpDocumentRef> stored = new HashMap<>();
    private final List<ErpInsertOutcome> outcomes = new ArrayList<>();

    public List<Entry> getEntries() {
        return entries;
    }

    public List<ErpInsertOutcome> skipped() {
        return skipped;
    }

    public List<Long> oneByOne() {
        return oneByOne;
    }

    /** What the ERP holds for each entry once the transaction committed, by idempotency reference. */
    public Map<String, ErpDocumentRef> stored() {
        return stored;
    }

    /** What the batch did for the orders it settled (stored, found stored, skipped); not those left to go one by one. */
    public List<ErpInsertOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public String toString() {
        return "ErpBatch[" + entries.size() + " documents, " + skipped.size() + " skipped, " + oneByOne.size() + " one by one]";
    }
}
