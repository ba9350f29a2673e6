package it.ponte.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** The one classifier of the failure policy (README, "Failure policy"): which class each failure belongs to. */
class FailurePolicyTest {

    private final FailurePolicy policy = new FailurePolicy(4);

    @Test
    void throttlingServerErrorsAndTheNetworkAreTransient() {
        assertThat(policy.classify(http(429))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(policy.classify(http(503))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(policy.classify(new SocketTimeoutException("Read timed out"))).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aLockWaitTimeoutOrADeadlockIsTransientNotTheRecordsFault() {
        // as MariaDB Connector/J raises them (error code, SQL state), bare or wrapped by Camel and Spring
        java.sql.SQLException lockWait = new java.sql.SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        java.sql.SQLException deadlock = new java.sql.SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        assertThat(policy.classify(lockWait)).isEqualTo(FailureClass.TRANSIENT);
        assertThat(policy.classify(new CamelExecutionException("wrapped", null, deadlock))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(policy.classify(new org.springframework.dao.CannotAcquireLockException("lock", lockWait))).isEqualTo(FailureClass.TRANSIENT);
        // a value the ERP refuses stays the record's own fault
        assertThat(policy.classify(new java.sql.SQLDataException("Out of range value for column 'quantity'", "22003", 1264)))
                .isEqualTo(FailureClass.UNEXPECTED);
    }

    @Test
    void otherRefusalsAndUnreadableAnswersArePermanent() {
        assertThat(policy.classify(http(400))).isEqualTo(FailureClass.PERMANENT);
        assertThat(policy.classify(new JsonParseException(null, "Unexpected character"))).isEqualTo(FailureClass.PERMANENT);
        // an IOException, yet no network fault: the same answer would come again
        assertThat(policy.classify(new CamelExecutionException("wrapped", null, new AnswerTooLargeException(1024, -1))))
                .isEqualTo(FailureClass.PERMANENT);
    }

    @Test
    void theMerchantReadsNoClassNameAndNoStackTrace() {
        assertThat(policy.reason(new IllegalStateException("Cannot map it.ponte.amazon.model.SearchOrdersPage: NullPointerException\n\tat it.ponte.X.y(X.java:1)")))
                .isEqualTo("Cannot map : errore");
        assertThat(policy.reason(new NullPointerException())).isEqualTo("errore imprevisto");
        assertThat(policy.reason(new AnswerTooLargeException(1024, 4096))).contains("troppo grande").contains("ponte.remote.max-answer-size");
        assertThat(policy.reason(new JsonParseException(null, "Unexpected character ('<' (code 60))"))).startsWith("risposta non leggibile");
    }

    @Test
    void anOpenCircuitIsTheRemoteDown() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("amazon");
        breaker.transitionToOpenState();
        assertThat(policy.classify(CallNotPermittedException.createCallNotPermittedException(breaker))).isEqualTo(FailureClass.REMOTE_DOWN);
    }

    @Test
    void aConnectionLostUnderATransactionIsTheDatabaseNotTheRecord() {
        Throwable rollbackFailed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("(conn=42) Connection is closed", "08000"));
        Throwable erpGone = new org.springframework.jdbc.UncategorizedSQLException("insert", "INSERT ...",
                new java.sql.SQLException("ponte-erp - (conn=7) socket closed", "08S01"));

        assertThat(policy.classify(rollbackFailed)).isEqualTo(FailureClass.OWN_DATABASE);
        assertThat(policy.classify(erpGone)).isEqualTo(FailureClass.TRANSIENT);
        assertThat(policy.classify(new java.sql.SQLException("Duplicate entry", "23000", 1062))).isEqualTo(FailureClass.UNEXPECTED);
    }

    @Test
    void theShopDatabaseIsPontesOwnTheErpIsARemote() {
        Throwable shop = new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("ponte-shop - Connection is not available, request timed out after 10000ms."));
        Throwable erp = new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("ponte-erp - Connection is not available, request timed out after 10000ms."));

        assertThat(policy.classify(shop)).isEqualTo(FailureClass.OWN_DATABASE);
        assertThat(policy.classify(erp)).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void anythingElseIsOneRecordsSurpriseEvenWhenCamelWrapsIt() {
        IllegalArgumentException bug = new IllegalArgumentException("URI with undefined scheme");
        assertThat(policy.classify(bug)).isEqualTo(FailureClass.UNEXPECTED);
        assertThat(policy.classify(new CamelExecutionException("wrapped", null, bug))).isEqualTo(FailureClass.UNEXPECTED);
        assertThat(policy.classify(new CamelExecutionException("wrapped", null, http(503)))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(policy.reason(bug)).isEqualTo("URI with undefined scheme");
    }

    @Test
    void redeliveryGoesOnWhileTransientAndWithinTheBoundAndStopsOnceTheCircuitOpens() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(http(503));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 4);
        assertThat(policy.retryTransient(exchange)).isTrue();
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 5);
        assertThat(policy.retryTransient(exchange)).isFalse();

        CircuitBreaker breaker = CircuitBreaker.ofDefaults("mailchimp");
        breaker.transitionToOpenState();
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        exchange.setException(CallNotPermittedException.createCallNotPermittedException(breaker));
        assertThat(policy.retryTransient(exchange)).isFalse();
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("https://remote.example/x", status, "status " + status, null, Map.of(), "");
    }
}
