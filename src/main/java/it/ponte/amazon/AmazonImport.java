package it.ponte.amazon;

import it.ponte.amazon.model.AmazonOrder;
import it.ponte.amazon.model.SearchOrdersPage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the Amazon poll that the {@code amazon-import} routes string together: which accounts, the
 * window of each, its pages, each order, the held orders asked about again, and the watermark.
 */
@Component("amazonImport")
public class AmazonImport {

    public static final String REPORT = "amazonImportReport";
    public static final String WINDOW = "importWindow";
    private static final Logger log = LoggerFactory.getLogger(AmazonImport.class);
    private static final int RECHECK_PER_RUN = 20;

    private final AmazonAccounts accounts;
    private final AmazonOrdersApi api;
    private final AmazonOrderImporter importer;
    private final AmazonOrderHolds holds;
    private final AmazonProperties properties;
    private final Clock clock;

    public AmazonImport(AmazonAccounts accounts, AmazonOrdersApi api, AmazonOrderImporter importer, AmazonOrderHolds holds,
                        AmazonProperties properties, Clock clock) {
        this.accounts = accounts;
        this.api = api;
        this.importer = importer;
        this.holds = holds;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every account with createOrders on, or only the one asked for (if it has createOrders on). */
    public List<AmazonProperties.Account> accounts(@Header("amazonAccountId") String accountId) {
        return accounts.importing().stream().filter(a -> accountId == null || a.id().equals(accountId)).toList();
    }

    /** From the watermark less the overlap, to a few minutes before now (Amazon's 2-minute rule). */
    public ImportWindow openWindow(@Body AmazonProperties.Account account) {
        AmazonProperties.Polling polling = properties.polling();
        Instant now = clock.instant();
        Instant end = now.minus(polling.endBeforeNow());
        Instant start = accounts.watermark(account.id()).map(w -> w.minus(polling.overlap()))
                .orElse(now.minus(polling.initialLookback()));
        if (!start.isBefore(end)) {
            start = end.minus(polling.overlap());
        }
        ImportWindow window = new ImportWindow(account,
                new AmazonOrdersApi.SearchQuery(start, end, account.marketplaces(), polling.pageSize()));
        log.debug("Opening {}", window);
        return window;
    }

    public List<AmazonOrder> nextPage(@ExchangeProperty(WINDOW) ImportWindow window) {
        SearchOrdersPage page = api.searchOrders(window.account(), window.query(), window.nextToken());
        window.pageRead(page.nextToken(), page.lastUpdatedBefore(), properties.polling().maxPages());
        return page.ordersOrEmpty();
    }

    public ImportOutcome importOrder(@ExchangeProperty(WINDOW) ImportWindow window, @Body AmazonOrder order,
                                     @ExchangeProperty(REPORT) AmazonImportReport report) {
        return importOne(window.account(), order, report);
    }

    /** Moves the watermark, only for a window read to its last page. */
    public void closeWindow(@ExchangeProperty(WINDOW) ImportWindow window) {
        if (window.finished()) {
            accounts.advanceWatermark(window.account().id(), window.end());
            log.debug("Closed {}: watermark now {}", window, window.end());
        }
    }

    /** Held orders asked about again with getOrder: their data may have come without a new update time. */
    public List<AmazonOrder> heldToRecheck(@ExchangeProperty(WINDOW) ImportWindow window) {
        List<AmazonOrder> fresh = new ArrayList<>();
        for (String orderId : holds.toRecheck(window.account().id(), RECHECK_PER_RUN)) {
            try {
                fresh.add(api.getOrder(window.account(), orderId));
            } catch (SpApiException e) {
                if (e.status() == 404) {
                    holds.release(window.account().id(), orderId);
                } else {
                    log.warn("Could not recheck held Amazon order {}: {}", orderId, e.getMessage());
                }
            }
        }
        return fresh;
    }

    public void accountFailed(@ExchangeProperty("amazonAccountId") String accountId,
                              @ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception failure,
                              @ExchangeProperty(REPORT) AmazonImportReport report) {
        log.warn("Amazon poll of account {} failed: {}", accountId, failure.getMessage());
        if (report != null) {
            report.accountFailed(accountId, failure.getMessage(), failure instanceof AmazonAuthorizationException);
        }
    }

    public AmazonImportReport newReport(@ExchangeProperty(REPORT) AmazonImportReport existing) {
        return existing != null ? existing : new AmazonImportReport();
    }

    private ImportOutcome importOne(AmazonProperties.Account account, AmazonOrder order, AmazonImportReport report) {
        ImportOutcome outcome;
        try {
            outcome = importer.importOrder(account, order);
        } catch (RuntimeException e) {
            // One bad order must not stop the window: it is held with the error and asked about again next run.
            log.warn("Import of Amazon order {} failed: {}", order.orderId(), e.toString());
            holds.hold(account.id(), order.orderId(), "ERROR: " + e.getMessage(), order.fulfillmentStatus());
            outcome = ImportOutcome.failed(account.id(), order.orderId(), e.getMessage());
        }
        if (report != null) {
            report.add(outcome);
        }
        return outcome;
    }
}
