package it.ponte.amazon;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One account's search window while it is being read page by page. The query never changes between pages
 * (Amazon refuses a token sent with other parameters); the watermark moves to {@link #end()} only when
 * {@link #finished()} — every page stored. A deep re-sweep is a window too ({@link #resweep()}): it never moves the
 * watermark, and may stop after a stored page and go on in a later run from its token ({@link #startedAt()}).
 */
public final class ImportWindow {

    private final AmazonProperties.Account account;
    private final AmazonOrdersApi.SearchQuery query;
    private final Set<String> seenTokens = new HashSet<>();
    private final boolean initial;
    private final boolean resweep;
    private final Instant startedAt;
    private String nextToken;
    private int pages;
    private boolean finished;
    private Instant appliedBefore;
    /** Orders read in this window so far, across runs (a window resumed from an earlier run starts from its count). */
    private int ordersRead;
    /** Whether the window's progress is kept in amazon_window_progress (resumed, or saved after a page in this run). */
    private boolean saved;

    ImportWindow(AmazonProperties.Account account, AmazonOrdersApi.SearchQuery query) {
        this(account, query, false, false, null, null);
    }

    private ImportWindow(AmazonProperties.Account account, AmazonOrdersApi.SearchQuery query, boolean initial, boolean resweep,
                         String firstToken, Instant startedAt) {
        this.account = account;
        this.query = query;
        this.initial = initial;
        this.resweep = resweep;
        this.nextToken = firstToken;
        this.startedAt = startedAt;
    }

    /** The account's very first window (no watermark yet): it reaches back {@code initial-lookback}. */
    static ImportWindow first(AmazonProperties.Account account, AmazonOrdersApi.SearchQuery query) {
        return new ImportWindow(account, query, true, false, null, null);
    }

    /** An incremental window an earlier run stopped in (its time budget spent): it goes on from {@code token}. */
    static ImportWindow resumed(AmazonProperties.Account account, AmazonOrdersApi.SearchQuery query, boolean initial, String token,
                                int ordersRead) {
        ImportWindow window = new ImportWindow(account, query, initial, false, token, null);
        window.ordersRead = ordersRead;
        window.saved = true;
        return window;
    }

    public int ordersRead() {
        return ordersRead;
    }

    void ordersRead(int count) {
        ordersRead += count;
    }

    public boolean saved() {
        return saved;
    }

    void saved(boolean saved) {
        this.saved = saved;
    }

    /** A deep re-sweep, from its first page ({@code token} null) or from where an earlier run stopped. */
    static ImportWindow resweep(AmazonProperties.Account account, AmazonOrdersApi.SearchQuery query, String token, Instant startedAt) {
        return new ImportWindow(account, query, false, true, token, startedAt);
    }

    public boolean initial() {
        return initial;
    }

    public boolean resweep() {
        return resweep;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public AmazonProperties.Account account() {
        return account;
    }

    public AmazonOrdersApi.SearchQuery query() {
        return query;
    }

    public boolean isHasMorePages() {
        return !finished;
    }

    public boolean finished() {
        return finished;
    }

    public int pages() {
        return pages;
    }

    public String nextToken() {
        return nextToken;
    }

    /** The end to record as the watermark: what Amazon says it applied, else what we asked for. */
    public Instant end() {
        return appliedBefore != null ? appliedBefore : query.lastUpdatedBefore();
    }

    void pageRead(String token, Instant lastUpdatedBefore, int maxPages) {
        pages++;
        if (lastUpdatedBefore != null) {
            appliedBefore = lastUpdatedBefore;
        }
        if (token == null) {
            finished = true;
            nextToken = null;
            return;
        }
        if (!seenTokens.add(token)) {
            throw new IllegalStateException("Amazon returned the same pagination token twice for account " + account.id()
                    + "; the window " + query.lastUpdatedAfter() + " – " + query.lastUpdatedBefore() + " will be read again next run");
        }
        if (pages >= maxPages) {
            throw new IllegalStateException("More than " + maxPages + " pages in one window for account " + account.id()
                    + " (ponte.amazon.polling.max-pages); the window will be read again next run");
        }
        nextToken = token;
    }

    @Override
    public String toString() {
        return (resweep ? "Resweep[" : "ImportWindow[") + account.id() + " " + query.lastUpdatedAfter() + " – " + query.lastUpdatedBefore() + ", pages=" + pages + "]";
    }
}
