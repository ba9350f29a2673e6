package it.ponte.remote;

import java.time.Instant;
import org.apache.camel.Exchange;

/**
 * Who shows that a run waits because a remote asked it to (Retry-After, or the rate learnt from a 429) before the call
 * goes out again: the run record, and so the console. It sits in exchange property {@value #PROPERTY}; the
 * {@link RemoteBackoff} step tells it when the wait starts and ends.
 */
public interface RemoteWaitNotice {

    String PROPERTY = "ponteWaitNotice";

    /** The exchange's call, which failed with {@code failure}, waits until {@code until} before it goes out again. */
    void remoteAskedToWait(Exchange exchange, Throwable failure, Instant until);

    /** The wait is over: the call goes out. */
    void remoteWaitOver();
}
