package it.ponte.amazon;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The next {@code searchOrders} page of a window fetched while the page before it is stored (routes
 * {@code amazon-import-page} and {@code amazon-next-page}): the request and the JSON read run on the {@code amazonPagesAhead}
 * thread through the same {@code amazon-search-page} route, and the poll takes the answer when it gets to that page.
 * At most one page is ahead (exchange property {@value #PROPERTY}); nothing of the window (token, pages, orders read,
 * saved progress) changes until the poll takes the page, so the window's progress only ever covers stored pages.
 */
@Component("amazonPagesAhead")
public class AmazonPagesAhead implements DisposableBean {

    /** The page fetched ahead: a {@link Future} of the {@code amazon-search-page} exchange. */
    public static final String PROPERTY = "amazonPageAhead";
    static final String ROUTE = "direct:amazon-search-page";
    /** The run's context (it.ponte.sync.SyncContext.PROPERTY, named here: the sync package depends on this one), for its log lines. */
    private static final String RUN = "syncContext";
    private static final Logger log = LoggerFactory.getLogger(AmazonPagesAhead.class);

    private final ProducerTemplate camel;
    private final CamelContext context;
    private volatile ExecutorService pool;

    public AmazonPagesAhead(ProducerTemplate camel, CamelContext context) {
        this.camel = camel;
        this.context = context;
    }

    /**
     * Starts the fetch of the window's next page, when there is one to read in this run without asking anything more
     * of Amazon's budget than the sequential poll would: an incremental window's next page (the poll reads it anyway,
     * unless the store of this page fails); never a re-sweep's, which reads a page only on spare budget, asked page by page.
     */
    public void fetchAhead(Exchange exchange) {
        ImportWindow window = exchange.getProperty(AmazonImport.WINDOW, ImportWindow.class);
        if (window == null || window.resweep() || window.finished() || exchange.getProperty(PROPERTY) != null) {
            return;
        }
        Exchange ahead = new DefaultExchange(context);
        ahead.setProperty(SpApiCall.PROPERTY, AmazonOrdersApi.searchOrdersCall(window.account(), window.query(), window.nextToken()));
        copy(exchange, ahead, SpApiRateLimiter.POLL_DEADLINE);
        copy(exchange, ahead, AmazonImport.REPORT);
        copy(exchange, ahead, it.ponte.remote.RemoteWaitNotice.PROPERTY);
        copy(exchange, ahead, RUN);
        exchange.setProperty(PROPERTY, pool().submit(() -> camel.send(ROUTE, ahead)));
    }

    /** The page fetched ahead, as {@code amazon-search-page} read it; its failure is this step's (the page's). */
    public Object take(Exchange exchange) throws Exception {
        Future<?> future = exchange.getProperty(PROPERTY, Future.class);
        exchange.removeProperty(PROPERTY);
        Exchange answer;
        try {
            answer = (Exchange) future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (answer.getException() != null) {
            throw answer.getException();
        }
        return answer.getMessage().getBody();
    }

    /**
     * A window that ends (read to its end, or broken off by a failed page or store): a page still ahead is not stored,
     * and its fetch is waited for (bounded by the poll's time budget and the client's timeouts), so no call of this run
     * goes on after it. The next run asks for that page again from the saved progress.
     */
    public void discard(Exchange exchange) {
        Future<?> future = exchange.getProperty(PROPERTY, Future.class);
        exchange.removeProperty(PROPERTY);
        if (future == null) {
            return;
        }
        try {
            future.get();
            log.debug("A page fetched ahead is left unstored: the window ended before it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException ignored) {
            // its failure is not this window's any more
        }
    }

    private static void copy(Exchange from, Exchange to, String property) {
        Object value = from.getProperty(property);
        if (value != null) {
            to.setProperty(property, value);
        }
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    // one page ahead per window, accounts one after the other: one thread, and one spare for a fetch
                    // still finishing while the next account's window starts
                    pool = context.getExecutorServiceManager().newFixedThreadPool(this, "amazonPagesAhead", 2);
                }
                p = pool;
            }
        }
        return p;
    }

    @Override
    public void destroy() {
        ExecutorService p = pool;
        if (p != null) {
            context.getExecutorServiceManager().shutdown(p);
        }
    }
}
