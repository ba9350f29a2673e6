package it.ponte.amazon;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One account's search window while it is being read page by page. The query never changes between pages
 * (Amazon refuses a token sent with other parameters); the watermark moves to {@link #end()} only when
 * {@link #finished()} — every page stored.
 */
public final class ImportWindow {

    private final AmazonProperties.Account account;
    private final AmazonOrdersApi.SearchQuery query;
    private final Set<String> seenTokens = new HashSet<>();
    private String nextToken;
    private int pages;
    private boolean finished;
    private Instant appliedBefore;

    ImportWindow(AmazonProperties.Account account, AmazonOrdersApi.SearchQuery query) {
        this.account = account;
        this.query = query;
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

    String nextToken() {
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
        return "ImportWindow[" + account.id() + " " + query.lastUpdatedAfter() + " – " + query.lastUpdatedBefore() + ", pages=" + pages + "]";
    }
}
