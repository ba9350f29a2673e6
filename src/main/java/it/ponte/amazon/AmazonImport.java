package it.ponte.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.amazon.model.AmazonOrder;
import it.ponte.amazon.model.SearchOrdersPage;
import it.ponte.remote.FailureClass;
import it.ponte.remote.FailurePolicy;
import it.ponte.remote.RecordFailure;
import it.ponte.remote.RecordFailureSink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
public class AmazonImport implements RecordFailureSink {

    public static final String REPORT = "amazonImportReport";
    public static final String WINDOW = "importWindow";
    private static final Logger log = LoggerFactory.getLogger(AmazonImport.class);
    private static final int RECHECK_PER_RUN = 20;
    /** A page token lives 24 hours; a re-sweep older than this starts again rather than risk a refused token. */
    private static final java.time.Duration TOKEN_LIFETIME = java.time.Duration.ofHours(23);

    private final AmazonAccounts accounts;
    private final AmazonOrdersApi api;
    private final AmazonOrderToShop importer;
    private final AmazonOrderHolds holds;
    private final AmazonProperties properties;
    private final Clock clock;
    private final FailurePolicy policy;
    private final AmazonResweeps resweeps;
    private final SpApiRateLimiter rateLimiter;
    private final AmazonWindowProgress windowProgress;

    public AmazonImport(AmazonAccounts accounts, AmazonOrdersApi api, AmazonOrderToShop importer, AmazonOrderHolds holds,
                        AmazonProperties properties, Clock clock, FailurePolicy policy, AmazonResweeps resweeps,
                        SpApiRateLimiter rateLimiter, AmazonWindowProgress windowProgress) {
        this.windowProgress = windowProgress;
        this.resweeps = resweeps;
        this.rateLimiter = rateLimiter;
        this.policy = policy;
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
        // a window an earlier run stopped in goes on from its next page (a token is good for a day: an older one is
        // dropped and the window read again from the watermark, which the exactly-once keys make harmless)
        Optional<AmazonWindowProgress.Saved> saved = windowProgress.find(account.id());
        if (saved.isPresent() && saved.get().savedAt().isAfter(now.minus(java.time.Duration.ofHours(23)))) {
            AmazonWindowProgress.Saved s = saved.get();
            ImportWindow resumed = ImportWindow.resumed(account, new AmazonOrdersApi.SearchQuery(s.windowAfter(), s.windowBefore(),
                    account.marketplaces(), polling.pageSize()), s.initial(), s.nextToken(), s.ordersRead());
            log.info("Amazon account {}: going on with the window {} – {} from its next page ({} orders read so far)", account.id(),
                    s.windowAfter(), s.windowBefore(), s.ordersRead());
            return resumed;
        }
        if (saved.isPresent()) {
            windowProgress.clear(account.id());
        }
        AmazonOrdersApi.SearchQuery query = new AmazonOrdersApi.SearchQuery(start, end, account.marketplaces(), polling.pageSize());
        ImportWindow window = accounts.watermark(account.id()).isPresent() ? new ImportWindow(account, query)
                : ImportWindow.first(account, query);
        log.debug("Opening {}", window);
        return window;
    }

    /** The searchOrders call of the window's next page: the first request's parameters, and the token. */
    public SpApiCall searchCall(@ExchangeProperty(WINDOW) ImportWindow window) {
        return AmazonOrdersApi.searchOrdersCall(window.account(), window.query(), window.nextToken());
    }

    /** Notes the page in the window (next token, the end Amazon applied); the body stays the page, its orders read. */
    public AmazonOrderReader.ReadPage pageRead(@ExchangeProperty(WINDOW) ImportWindow window, @Body AmazonOrderReader.ReadPage read) {
        SearchOrdersPage page = read == null ? null : read.page();
        if (page == null || page.orders() == null) {
            // Amazon always sends the list, empty or not: a page without one says nothing about the window, and taking it
            // for an empty last page would move the watermark past orders never read
            throw new IllegalStateException("Amazon ha risposto a searchOrders senza l'elenco degli ordini (account "
                    + window.account().id() + "): la finestra " + window.query().lastUpdatedAfter() + " – "
                    + window.query().lastUpdatedBefore() + " sarà letta di nuovo alla prossima sincronizzazione");
        }
        window.pageRead(page.nextToken(), page.lastUpdatedBefore(), properties.polling().maxPages());
        window.ordersRead(page.ordersOrEmpty().size());
        return read;
    }

    /** The record the {@code amazon-import-order} route works on, for its failure to name. */
    public OrderRecord record(@ExchangeProperty(WINDOW) ImportWindow window, @Body JsonNode order,
                              @ExchangeProperty(REPORT) AmazonImportReport report) {
        return new OrderRecord(window.account().id(), AmazonOrderReader.orderIdOf(order), report);
    }

    public ImportOutcome importOrder(@ExchangeProperty(WINDOW) ImportWindow window, @Body AmazonOrder order,
                                     @ExchangeProperty(REPORT) AmazonImportReport report) {
        ImportOutcome outcome = importer.importOrder(window.account(), order);
        if (report != null) {
            report.add(outcome);
        }
        return outcome;
    }

    /**
     * The page's orders imported together ({@link AmazonOrderToShop#importBatch}: one shop transaction, statements
     * batched). What it returns is left for the {@code amazon-import-order} route, one by one: the orders that cannot be
     * read (they fail alone there, with the field named), a second copy of an order in the page, and, when the batch
     * failed (a bad order, a race with another writer), all of them: its transaction left nothing behind.
     */
    public List<JsonNode> importPage(@ExchangeProperty(WINDOW) ImportWindow window, @Body AmazonOrderReader.ReadPage page,
                                     @ExchangeProperty(REPORT) AmazonImportReport report) {
        List<JsonNode> oneByOne = new ArrayList<>();
        List<JsonNode> batched = new ArrayList<>();
        List<AmazonOrder> orders = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<JsonNode> nodes = page.page().ordersOrEmpty();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String id = AmazonOrderReader.orderIdOf(node);
            // read on the fetching thread (AmazonOrderReader.readPage); null: unreadable, it fails alone one by one
            AmazonOrder order = id != null && ids.add(id) ? page.read().get(i) : null;
            if (order == null || !id.equals(order.orderId())) {
                oneByOne.add(node);
            } else {
                batched.add(node);
                orders.add(order);
            }
        }
        if (orders.isEmpty()) {
            return oneByOne;
        }
        List<ImportOutcome> outcomes;
        long started = System.nanoTime();
        try {
            outcomes = importer.importBatch(window.account(), orders);
            log.debug("Imported a page of {} Amazon orders of account {} in {} ms", orders.size(), window.account().id(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException batchFailed) {
            log.info("A page of {} Amazon orders of account {} could not be imported together ({}): one by one instead",
                    orders.size(), window.account().id(), batchFailed.toString());
            batched.addAll(oneByOne);
            return batched;
        }
        if (report != null) {
            outcomes.forEach(report::add);
        }
        return oneByOne;
    }

    /** One Amazon order being imported, as a failure names it. */
    public record OrderRecord(String accountId, String amazonOrderId, AmazonImportReport report) {
    }

    /**
     * An order that could not be imported (a malformed field, a bug): held with the step and the reason, asked about
     * again next run, and counted FAILED in the poll's report; the other orders of the window go on.
     */
    @Override
    public String recordFailed(RecordFailure failure) {
        OrderRecord order = (OrderRecord) failure.record();
        String reason = failure.step() + ": " + failure.reason();
        log.warn("Import of Amazon order {} failed in {}: {}", order.amazonOrderId(), failure.step(), failure.reason());
        if (order.amazonOrderId() != null) {
            holds.hold(order.accountId(), order.amazonOrderId(), "ERROR: " + reason, null);
        }
        if (order.report() != null) {
            order.report().add(ImportOutcome.failed(order.accountId(), order.amazonOrderId(), reason));
        }
        return "Ordine Amazon " + order.amazonOrderId() + " (account " + order.accountId() + ") non importato, " + reason;
    }

    /** Moves the watermark, only for a window read to its last page. */
    public void closeWindow(@ExchangeProperty(WINDOW) ImportWindow window) {
        if (window.finished()) {
            if (window.saved()) {
                windowProgress.clear(window.account().id());
            }
            accounts.advanceWatermark(window.account().id(), window.end());
            log.debug("Closed {}: watermark now {}", window, window.end());
        }
    }

    /**
     * The deep re-sweep, when one is due or under way: {@code resweep-span} back from the end of the window just read,
     * for the orders Amazon surfaced late with an older update time (the exactly-once keys make re-reading harmless).
     * Due {@code resweep-every} after the last; one under way goes on from its token, unless the token is near its
     * 24-hour expiry. The first import of an account reaches further back than the span, so it counts as one.
     */
    public ImportWindow openResweep(@ExchangeProperty(WINDOW) ImportWindow incremental) {
        AmazonProperties.Polling polling = properties.polling();
        if (!polling.resweeps() || !incremental.finished()) {
            return null;
        }
        String accountId = incremental.account().id();
        Instant now = clock.instant();
        Optional<AmazonResweeps.State> state = resweeps.find(accountId);
        if (state.isEmpty() && incremental.initial() && polling.initialLookback().compareTo(polling.resweepSpan()) >= 0) {
            resweeps.completed(accountId, now);
            return null;
        }
        if (state.isPresent() && state.get().underWay() && state.get().startedAt().isAfter(now.minus(TOKEN_LIFETIME))) {
            AmazonResweeps.State s = state.get();
            return ImportWindow.resweep(incremental.account(), new AmazonOrdersApi.SearchQuery(s.windowAfter(), s.windowBefore(),
                    incremental.account().marketplaces(), polling.pageSize()), s.nextToken(), s.startedAt());
        }
        Instant last = state.map(AmazonResweeps.State::completedAt).orElse(null);
        if (last != null && last.plus(polling.resweepEvery()).isAfter(now) && !(state.get().underWay())) {
            return null;
        }
        Instant end = incremental.query().lastUpdatedBefore();
        ImportWindow window = ImportWindow.resweep(incremental.account(), new AmazonOrdersApi.SearchQuery(end.minus(polling.resweepSpan()),
                end, incremental.account().marketplaces(), polling.pageSize()), null, now);
        log.info("Deep re-sweep of Amazon account {}: {}", accountId, window);
        return window;
    }

    /**
     * Whether the re-sweep reads another page in this run: not past its last page, not past {@code resweep-max-pages}, and
     * only with spare rate budget (it never waits for the searchOrders bucket: the run's other work comes first).
     */
    public boolean resweepMayReadPage(@ExchangeProperty(WINDOW) ImportWindow window) {
        AmazonProperties.Polling polling = properties.polling();
        return window.isHasMorePages() && window.pages() < polling.resweepMaxPages()
                && rateLimiter.spare(window.account().id(), SpApiOperation.SEARCH_ORDERS, polling.resweepTokenReserve());
    }

    /** After a re-sweep page is stored: where the next run goes on, should this one stop here. */
    public void pageStored(@ExchangeProperty(WINDOW) ImportWindow window) {
        if (window.resweep() && !window.finished()) {
            resweeps.saveProgress(window.account().id(), window.query().lastUpdatedAfter(), window.query().lastUpdatedBefore(),
                    window.nextToken(), window.startedAt());
        } else if (!window.resweep() && !window.finished()) {
            // a window of more than one page: should the time budget stop this run, the next goes on from here
            windowProgress.save(window.account().id(), window.query().lastUpdatedAfter(), window.query().lastUpdatedBefore(),
                    window.nextToken(), window.initial(), window.ordersRead(), clock.instant());
            window.saved(true);
        }
    }

    /** The re-sweep read to its last page is complete; otherwise it goes on next run from the saved page. */
    public void closeResweep(@ExchangeProperty(WINDOW) ImportWindow window) {
        if (window.finished()) {
            resweeps.completed(window.account().id(), clock.instant());
            log.info("Deep re-sweep of Amazon account {} complete ({} pages this run)", window.account().id(), window.pages());
        } else {
            log.info("Deep re-sweep of Amazon account {} paused after {} pages: it goes on next run", window.account().id(), window.pages());
        }
    }

    /** Held orders asked about again with getOrder: their data may have come without a new update time. */
    public List<JsonNode> heldToRecheck(@ExchangeProperty(WINDOW) ImportWindow window) {
        List<JsonNode> fresh = new ArrayList<>();
        for (String orderId : holds.toRecheck(window.account().id(), RECHECK_PER_RUN)) {
            try {
                JsonNode order = api.getOrderJson(window.account(), orderId);
                if (order == null || !order.isObject()) {
                    log.warn("Could not recheck held Amazon order {}: getOrder answered without the order", orderId);
                    continue;
                }
                fresh.add(order);
            } catch (SpApiException e) {
                if (e.status() == 404) {
                    holds.release(window.account().id(), orderId);
                } else {
                    log.warn("Could not recheck held Amazon order {}: {}", orderId, e.getMessage());
                }
            } catch (RuntimeException unreadable) {
                // an answer that cannot be read (or a bug) about one held order: it stays held, the others are asked
                log.warn("Could not recheck held Amazon order {}: {}", orderId, policy.reason(unreadable));
            }
        }
        return fresh;
    }

    public void accountFailed(@ExchangeProperty("amazonAccountId") String accountId,
                              @ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception failure,
                              @ExchangeProperty(REPORT) AmazonImportReport report, @ExchangeProperty(WINDOW) ImportWindow window) {
        if (window != null && window.resweep() && policy.classify(failure) == FailureClass.PERMANENT) {
            // Amazon refused the re-sweep's page (an expired or foreign token): start a fresh one next time.
            resweeps.abandon(accountId);
        }
        if (window != null && !window.resweep() && window.saved() && budgetSpent(failure).isEmpty()
                && (policy.classify(failure) == FailureClass.PERMANENT || windowWentWrong(failure))) {
            // Amazon refused the window's token, or its pages went wrong (a token twice, too many pages): the next run
            // reads the window again from its start, as it says, instead of going on from the saved page
            windowProgress.clear(accountId);
        }
        String reason = policy.classify(failure) == FailureClass.REMOTE_DOWN
                ? "Amazon non raggiungibile (circuito aperto dopo troppi errori): l'account sarà letto alla prossima sincronizzazione"
                : policy.reason(failure);
        log.warn("Amazon poll of account {} failed: {}", accountId, reason);
        if (report != null) {
            report.accountFailed(accountId, reason, isAuthorization(failure));
            budgetSpent(failure).ifPresent(spent -> report.stoppedOnTimeBudget(accountId, spent.operation(), spent.allowedAt(),
                    window != null && !window.resweep() ? window.ordersRead() : windowProgress.ordersRead(accountId)));
        }
    }

    public AmazonImportReport newReport(@ExchangeProperty(REPORT) AmazonImportReport existing) {
        return existing != null ? existing : new AmazonImportReport();
    }

    private static boolean windowWentWrong(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<SpApiBudgetSpentException> budgetSpent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SpApiBudgetSpentException spent) {
                return Optional.of(spent);
            }
        }
        return Optional.empty();
    }

    private static boolean isAuthorization(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AmazonAuthorizationException) {
                return true;
            }
        }
        return false;
    }
}
