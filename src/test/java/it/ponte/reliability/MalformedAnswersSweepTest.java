package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.faults.MalformedAnswers;
import it.ponte.sandbox.faults.MalformedKind;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 10, bad input from the remotes: for each remote operation a sync run calls (Login with Amazon, searchOrders,
 * getOrder; Mailchimp's store, list member look-ups and pages, automations, customer, order and cart writes), the
 * simulators answer it badly on purpose: a field missing, of the wrong type or null, an HTML page or an empty body with
 * status 200, a body of tens of MB, a searchOrders page of thousands of orders where Amazon allows 100, a members page far
 * longer than {@code count}, a pagination token Amazon repeats, a members offset Mailchimp never advances. Each case runs
 * a sync of the kind that reaches the operation; then: the run ended in bounded time and released its lock (the next case
 * starts one), it recorded a reason where the answer was unusable, Ponte's API answered no 5xx, health and the console
 * answered, the run's errors over REST leak no stack trace or class name. After each Mailchimp case one more run, the
 * simulator behaving, and the members' orders and the open carts must be in Mailchimp at once (a record wrongly settled
 * is owed no more; a later TOTAL would send it and hide the loss). At the end, the simulators behaving again, runs repeat
 * until nothing is owed and every Amazon order is exactly once in the shop and the ERP with its item, every command once
 * at Amazon, every member's order exactly once in Mailchimp: nothing lost, nothing duplicated.
 * <p>
 * Prints {@code MALFORMED ANSWERS: malformed answers tried N, runs M, …, runs stuck 0, 5xx 0, leaks 0, lost 0,
 * duplicated 0}. Size of the huge page: {@code -Dmalformed.huge-page-orders} (default 1000, Amazon allows 100).
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@DisableJmx
// the faults test's context: one Spring context for the reliability tests
@TestPropertySource(properties = {ReliabilityContext.AMAZON_TIMEOUT, ReliabilityContext.MAILCHIMP_TIMEOUT, ReliabilityContext.AMAZON_PAGES, ReliabilityContext.NO_JMX,
        ReliabilityContext.UNCONFIRMED_FEED_GRACE})
class MalformedAnswersSweepTest extends SyncTestBase {

    /** A run that has not ended by then is stuck (the checkTimes case, the huge page, takes a few seconds). */
    private static final Duration STUCK_AFTER = Duration.ofSeconds(90);
    private static final int HUGE_PAGE_ORDERS = Integer.getInteger("malformed.huge-page-orders", 1000);
    private static final long HUGE_BODY_BYTES = 40L * 1024 * 1024;
    private static final int LIST_FILLERS = 1500;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat it\\.ponte|\\bat org\\.|java\\.lang|org\\.apache|springframework|it\\.ponte\\.|com\\.fasterxml");

    private static final String LWA = "/lwa/auth/o2/token$";
    private static final String SEARCH_ORDERS = "/orders/2026-01-01/orders$";
    private static final String GET_ORDER = "/orders/2026-01-01/orders/[^/]+$";
    private static final String STORE = "/ecommerce/stores/[^/]+$";
    private static final String MEMBER = "/lists/[^/]+/members/[0-9a-f]{32}$";
    private static final String MEMBERS_PAGE = "/lists/[^/]+/members$";
    private static final String AUTOMATIONS = "/automations$";
    private static final String CUSTOMER = "/customers/[^/]+$";
    private static final String ORDERS = "/orders$";
    private static final String CARTS = "/carts$";
    private static final String CONFIRM_SHIPMENT = "/orders/v0/orders/[^/]+/shipmentConfirmation$";
    private static final String CREATE_FEED_DOCUMENT = "/feeds/2021-06-30/documents$";
    private static final String CREATE_FEED = "/feeds/2021-06-30/feeds$";
    private static final String GET_FEED = "/feeds/2021-06-30/feeds/[^/]+$";
    private static final String FEED_DOWNLOAD = "/feed-downloads/";

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    SandboxMailchimpFaults mailchimpFaults;
    @Autowired
    MailchimpProperties mailchimpProperties;
    @Autowired
    CircuitBreaker mailchimpCircuitBreaker;
    @Autowired
    SyncLauncher launcher;
    @Autowired
    SyncRuns syncRuns;

    private final List<SandboxOrder> amazonOrders = new ArrayList<>();
    private final Set<String> members = new HashSet<>();
    private final Map<Long, Boolean> carts = new LinkedHashMap<>();
    /** What the administrator told Amazon, by Amazon order id: "ship" or "cancel". */
    private final Map<String, String> commands = new LinkedHashMap<>();
    private long armNanos;
    private long runNanos;
    private long checkNanos;
    private final Map<String, Long> checkTimes = new LinkedHashMap<>();
    /** Members' orders and open carts found missing in Mailchimp after the run that followed a case. */
    private final Set<String> lostAlongTheWay = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int fiveHundreds;
    private int leaks;
    private int stuck;
    private int runs;

    /** What a case's run must show: the answer's failure named in the run, the orders held with their reason, or nothing. */
    private enum Expect { REASON, HELD, NONE }

    /** One malformed answer: what the simulators are told, the run that reaches it, and what the run must show. */
    private record Case(String name, Runnable arm, SyncMode mode, Expect expect) {
    }

    @AfterEach
    void switchesOff() {
        everythingBehaves();
        mailchimpFaults.reset();
    }

    @Test
    void malformedAnswersNeverStickARunLeakOrLoseAnything() {
        mailchimp.reset();
        mailchimpFaults.reset();
        mailchimpCircuitBreaker.reset();
        // Amazon's rates are not what this test is about: its pages come as fast as the simulator serves them
        amazon.rateLimiter().configure(true, 100_000);
        spApiRateLimiter.reset();
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 24.50)", Map.of());
        // members that sort before the buyers: the buyers are beyond the first members page of 1000
        for (int i = 0; i < LIST_FILLERS; i++) {
            mailchimp.putMember(String.format("a-riempitivo-%04d@example.it", i), "subscribed");
        }
        ordersArrive(4, true);
        cartsOpen(2);
        SyncRun first = runAndCheck(new Case("a good run first", () -> { }, SyncMode.CHANGED, Expect.NONE));
        assertThat(first.outcome()).as("the first run, nothing spoiled: %s", first.errors()).isEqualTo(SyncOutcome.SUCCEEDED);

        List<Case> cases = new ArrayList<>();
        // Login with Amazon
        cases.add(amazonCase("LWA token: HTML page with 200", "POST", LWA, MalformedKind.HTML, null, Expect.REASON));
        cases.add(amazonCase("LWA token: empty body", "POST", LWA, MalformedKind.EMPTY, null, Expect.REASON));
        cases.add(amazonCase("LWA token: access_token missing", "POST", LWA, MalformedKind.MISSING_FIELD, "access_token", Expect.REASON));
        cases.add(amazonCase("LWA token: access_token of the wrong type", "POST", LWA, MalformedKind.WRONG_TYPE, "access_token", Expect.REASON));
        cases.add(amazonCase("LWA token: expires_in of the wrong type", "POST", LWA, MalformedKind.WRONG_TYPE, "expires_in", Expect.REASON));
        cases.add(amazonCase("LWA token: 40 MB body", "POST", LWA, MalformedKind.HUGE_BODY, null, Expect.REASON));
        // searchOrders
        cases.add(amazonCase("searchOrders: HTML page with 200", "GET", SEARCH_ORDERS, MalformedKind.HTML, null, Expect.REASON));
        cases.add(amazonCase("searchOrders: empty body", "GET", SEARCH_ORDERS, MalformedKind.EMPTY, null, Expect.REASON));
        cases.add(amazonCase("searchOrders: orders missing", "GET", SEARCH_ORDERS, MalformedKind.MISSING_FIELD, "orders", Expect.REASON));
        cases.add(amazonCase("searchOrders: orders null", "GET", SEARCH_ORDERS, MalformedKind.NULL_FIELD, "orders", Expect.REASON));
        cases.add(amazonCase("searchOrders: orders not an array", "GET", SEARCH_ORDERS, MalformedKind.WRONG_TYPE, "orders", Expect.REASON));
        cases.add(amazonCase("searchOrders: lastUpdatedBefore of the wrong type", "GET", SEARCH_ORDERS, MalformedKind.WRONG_TYPE, "lastUpdatedBefore", Expect.REASON));
        cases.add(amazonCase("searchOrders: every orderId of the wrong type", "GET", SEARCH_ORDERS, MalformedKind.WRONG_TYPE, "orders.*.orderId", Expect.REASON));
        // the orders held are asked about again with getOrder in the same run: its answer is spoiled the same way
        cases.add(heldCase("searchOrders and getOrder: every order's buyer missing", MalformedKind.MISSING_FIELD, "buyer"));
        cases.add(heldCase("searchOrders and getOrder: every order's items null", MalformedKind.NULL_FIELD, "orderItems"));
        cases.add(amazonCase("searchOrders: every order's proceeds of the wrong type", "GET", SEARCH_ORDERS, MalformedKind.WRONG_TYPE, "orders.*.proceeds", Expect.REASON));
        cases.add(amazonCase("searchOrders: 40 MB body", "GET", SEARCH_ORDERS, MalformedKind.HUGE_BODY, null, Expect.REASON));
        // getOrder: the held orders of the cases above are asked about again
        cases.add(amazonCase("getOrder: HTML page with 200", "GET", GET_ORDER, MalformedKind.HTML, null, Expect.NONE));
        cases.add(amazonCase("getOrder: order missing", "GET", GET_ORDER, MalformedKind.MISSING_FIELD, "order", Expect.NONE));
        cases.add(amazonCase("getOrder: 40 MB body", "GET", GET_ORDER, MalformedKind.HUGE_BODY, null, Expect.NONE));
        // Amazon outbound: a shipment confirmed and an order cancelled (a feed) by the administrator, answered badly
        cases.add(outboundCase("confirmShipment: HTML page with 200", "POST", CONFIRM_SHIPMENT, MalformedKind.HTML, null));
        cases.add(outboundCase("confirmShipment: 40 MB body", "POST", CONFIRM_SHIPMENT, MalformedKind.HUGE_BODY, null));
        cases.add(outboundCase("createFeedDocument: url missing", "POST", CREATE_FEED_DOCUMENT, MalformedKind.MISSING_FIELD, "url"));
        cases.add(outboundCase("createFeedDocument: feedDocumentId of the wrong type", "POST", CREATE_FEED_DOCUMENT, MalformedKind.WRONG_TYPE, "feedDocumentId"));
        cases.add(outboundCase("createFeedDocument: empty body", "POST", CREATE_FEED_DOCUMENT, MalformedKind.EMPTY, null));
        cases.add(outboundCase("createFeed: HTML page with 200", "POST", CREATE_FEED, MalformedKind.HTML, null));
        cases.add(outboundCase("createFeed: feedId missing", "POST", CREATE_FEED, MalformedKind.MISSING_FIELD, "feedId"));
        // a feed's status and report spoiled for a few answers: a run polls a feed up to ponte.amazon.outbound.feed-polls
        // times (the bound a status never read would spend), so these show the poll going on past the bad answers
        cases.add(outboundCase("getFeed: processingStatus missing", "GET", GET_FEED, MalformedKind.MISSING_FIELD, "processingStatus", 3));
        cases.add(outboundCase("getFeed: HTML page with 200", "GET", GET_FEED, MalformedKind.HTML, null, 3));
        cases.add(outboundCase("processing report: HTML page with 200", "GET", FEED_DOWNLOAD, MalformedKind.HTML, null, 1));
        cases.add(outboundCase("processing report: 40 MB body", "GET", FEED_DOWNLOAD, MalformedKind.HUGE_BODY, null, 1));
        // Mailchimp: the store, the look-ups of one member, the automations, the writes
        cases.add(mailchimpCase("Mailchimp store: HTML page with 200", "GET", STORE, MalformedKind.HTML, null, Expect.REASON));
        cases.add(mailchimpCase("Mailchimp store: list_id missing", "GET", STORE, MalformedKind.MISSING_FIELD, "list_id", Expect.REASON));
        cases.add(mailchimpCase("Mailchimp store: 40 MB body", "GET", STORE, MalformedKind.HUGE_BODY, null, Expect.REASON));
        cases.add(mailchimpCase("Mailchimp member: status missing", "GET", MEMBER, MalformedKind.MISSING_FIELD, "status", Expect.REASON));
        cases.add(mailchimpCase("Mailchimp member: status of the wrong type", "GET", MEMBER, MalformedKind.WRONG_TYPE, "status", Expect.REASON));
        cases.add(mailchimpCase("Mailchimp member: empty body", "GET", MEMBER, MalformedKind.EMPTY, null, Expect.REASON));
        cases.add(mailchimpCase("Mailchimp member: HTML page with 200", "GET", MEMBER, MalformedKind.HTML, null, Expect.REASON));
        cases.add(mailchimpCase("Mailchimp automations: automations missing", "GET", AUTOMATIONS, MalformedKind.MISSING_FIELD, "automations", Expect.NONE));
        cases.add(mailchimpCase("Mailchimp automations: HTML page with 200", "GET", AUTOMATIONS, MalformedKind.HTML, null, Expect.NONE));
        cases.add(mailchimpCase("Mailchimp customer write: HTML page with 200", "PUT", CUSTOMER, MalformedKind.HTML, null, Expect.REASON));
        cases.add(mailchimpCase("Mailchimp customer write: 40 MB body", "PUT", CUSTOMER, MalformedKind.HUGE_BODY, null, Expect.REASON));
        cases.add(mailchimpCase("Mailchimp order write: empty body", "POST", ORDERS, MalformedKind.EMPTY, null, Expect.NONE));
        cases.add(mailchimpCase("Mailchimp order write: id of the wrong type", "POST", ORDERS, MalformedKind.WRONG_TYPE, "id", Expect.NONE));
        cases.add(mailchimpCase("Mailchimp cart write: HTML page with 200", "POST", CARTS, MalformedKind.HTML, null, Expect.REASON));
        // Mailchimp's members pages: a TOTAL run owes every customer, enough to page through the whole list; the new buyers
        // and cart owners sort after the first page's 1000 members
        cases.add(new Case("Mailchimp members page: the offset never advances", () -> {
            ordersArrive(2, true);
            // a cart changed before the run is owed in it alone: if the page made Ponte settle it, the run after would not send it
            cartsOpen(1);
            shopCustomers(MailchimpPagingThreshold.OWED);
            mailchimpFaults.membersOffsetIgnored(true);
        }, SyncMode.TOTAL, Expect.NONE));
        cases.add(new Case("Mailchimp members page: every member at once, far more than count", () -> {
            ordersArrive(2, true);
            cartsOpen(1);
            mailchimpFaults.membersCountIgnored(true);
        }, SyncMode.TOTAL, Expect.NONE));
        cases.add(new Case("Mailchimp members page: total_items missing", () -> {
            ordersArrive(2, true);
            cartsOpen(1);
            mailchimpFaults.malformed().add(new MalformedAnswers.Rule("GET", MEMBERS_PAGE, MalformedKind.MISSING_FIELD, "total_items", 0, 0));
        }, SyncMode.TOTAL, Expect.NONE));
        cases.add(new Case("Mailchimp members page: every status of the wrong type", () -> {
            ordersArrive(2, true);
            cartsOpen(1);
            mailchimpFaults.malformed().add(new MalformedAnswers.Rule("GET", MEMBERS_PAGE, MalformedKind.WRONG_TYPE, "members.*.status", 0, 0));
        }, SyncMode.TOTAL, Expect.NONE));
        cases.add(new Case("Mailchimp members page: 40 MB body", () -> {
            ordersArrive(2, true);
            cartsOpen(1);
            mailchimpFaults.malformed().add(new MalformedAnswers.Rule("GET", MEMBERS_PAGE, MalformedKind.HUGE_BODY, null, HUGE_BODY_BYTES, 0));
        }, SyncMode.TOTAL, Expect.NONE));

        // searchOrders paging, last: a token repeated for ever, a page far over the size asked (whose orders every later
        // run reads again in its window's overlap)
        cases.add(new Case("searchOrders: the pagination token repeated", () -> {
            ordersArrive(ReliabilityPages.PAGE * 2 + 10, false);
            amazon.pagination(true, false);
        }, SyncMode.CHANGED, Expect.REASON));
        cases.add(new Case("searchOrders: " + HUGE_PAGE_ORDERS + " orders in one page (50 asked, Amazon allows 100)", () -> {
            ordersArrive(HUGE_PAGE_ORDERS, false);
            amazon.pagination(false, true);
        }, SyncMode.CHANGED, Expect.NONE));

        long started = System.nanoTime();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Case c : cases) {
            SyncRun run = runAndCheck(c);
            outcomes.put(c.name(), run.outcome() + (run.errors().isEmpty() ? "" : " " + run.errors().get(0)));
            everythingBehaves();
            timePassesBetweenRuns();
            if (c.name().startsWith("Mailchimp")) {
                // a record Mailchimp's answer made Ponte settle wrongly is owed no more: the next run, Mailchimp behaving,
                // would not send it (a later TOTAL would, and hide the loss), so it is looked for right after that run
                runAndCheck(new Case(c.name() + ", the run after", () -> { }, SyncMode.CHANGED, Expect.NONE));
                timePassesBetweenRuns();
                lostInMailchimp(c.name());
            }
        }
        long sweepSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        Case lists = new Case("the lists after the sweep", () -> { }, SyncMode.CHANGED, Expect.NONE);
        check(lists, Http.get(baseUrl() + "/api/sync/runs?limit=" + (cases.size() + 1)), true);
        check(lists, Http.get(baseUrl() + "/api/reports"), true);
        check(lists, Http.get(baseUrl() + "/api/orders?limit=50"), false);
        check(lists, Http.get(baseUrl() + "/api/amazon/parked"), true);
        check(lists, Http.get(baseUrl() + "/api/erp/parked"), true);
        outcomes.forEach((name, outcome) -> System.out.println("MALFORMED: " + name + " -> " + outcome));

        // the simulators behave again: runs repeat until nothing is owed
        int recoveryRuns = 0;
        for (int i = 1; i <= 8; i++) {
            runAndCheck(new Case("recovery run " + i, () -> { }, SyncMode.CHANGED, Expect.NONE));
            recoveryRuns = i;
            timePassesBetweenRuns();
            if (i >= 2 && owedSummary().isEmpty()) {
                break;
            }
        }
        Map<String, Integer> owed = owedSummary();
        int[] lostAndDuplicated = verify();
        lostAndDuplicated[0] += lostAlongTheWay.size();
        System.out.println("MALFORMED ANSWERS: malformed answers tried " + cases.size() + " (Amazon " + cases.stream().filter(c -> !c.name().startsWith("Mailchimp")).count()
                + ", Mailchimp " + cases.stream().filter(c -> c.name().startsWith("Mailchimp")).count() + "), runs " + runs + " (" + recoveryRuns
                + " after, to converge), requests " + requests + ", runs stuck " + stuck + ", 5xx " + fiveHundreds + ", leaks " + leaks
                + ", lost " + lostAndDuplicated[0] + ", duplicated " + lostAndDuplicated[1] + "; " + amazonOrders.size() + " Amazon orders, "
                + members.size() + " members' orders, " + commands.size() + " commands to Amazon; sweep " + sweepSeconds + " s (runs "
                + runNanos / 1_000_000_000 + " s, switches and workload " + armNanos / 1_000_000_000 + " s, checks " + checkNanos / 1_000_000_000 + " s: ms " + checkTimes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000).toList() + ")");
        assertThat(failures).as("what went wrong").isEmpty();
        assertThat(owed).as("still owed after the recovery runs").isEmpty();
        assertThat(stuck).isZero();
        assertThat(fiveHundreds).isZero();
        assertThat(leaks).isZero();
        assertThat(lostAndDuplicated[0]).as("lost").isZero();
        assertThat(lostAndDuplicated[1]).as("duplicated").isZero();
    }

    private Case amazonCase(String name, String method, String path, MalformedKind kind, String field, Expect expect) {
        return new Case(name, () -> {
            ordersArrive(2, true);
            // a fresh token is asked for, so the token endpoint is reached too
            amazonProperties.accounts().forEach(a -> lwaTokens.invalidate(a.id()));
            amazon.faults().malformed().add(new MalformedAnswers.Rule(method, path, kind, field, kind == MalformedKind.HUGE_BODY ? HUGE_BODY_BYTES : 0, 0));
        }, SyncMode.CHANGED, expect);
    }

    private Case outboundCase(String name, String method, String path, MalformedKind kind, String field) {
        return outboundCase(name, method, path, kind, field, 0);
    }

    /** {@code times}: so many answers spoiled, then the simulator behaves (0: for the whole run). */
    private Case outboundCase(String name, String method, String path, MalformedKind kind, String field, int times) {
        return new Case(name, () -> {
            ordersArrive(1, true);
            command("ship", "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT-MAL\"}");
            command("cancel", "{\"reason\":\"NoInventory\"}");
            amazon.faults().malformed().add(new MalformedAnswers.Rule(method, path, kind, field, kind == MalformedKind.HUGE_BODY ? HUGE_BODY_BYTES : 0, times));
        }, SyncMode.CHANGED, Expect.NONE);
    }

    /** The administrator ships or cancels a stored Amazon order nobody acted on yet (ADMIN, over the API). */
    private void command(String action, String body) {
        for (Map<String, Object> order : shopJdbc.queryForList("""
                SELECT id, amazon_order_id FROM shop_order
                 WHERE origin = 'AMAZON' AND status = 'STORED' AND amazon_state = 'STORED' ORDER BY id""", Map.of())) {
            String amazonId = (String) order.get("amazon_order_id");
            if (!commands.containsKey(amazonId)) {
                HttpResponse<String> answer = Http.postJson(baseUrl() + "/api/amazon/orders/" + order.get("id") + "/" + action, body);
                assertThat(answer.statusCode()).as("%s %s: %s", action, amazonId, answer.body()).isEqualTo(200);
                commands.put(amazonId, action);
                return;
            }
        }
        throw new IllegalStateException("no stored Amazon order left to " + action);
    }

    private Case heldCase(String name, MalformedKind kind, String field) {
        return new Case(name, () -> {
            ordersArrive(2, true);
            amazon.faults().malformed().add(new MalformedAnswers.Rule("GET", SEARCH_ORDERS, kind, "orders.*." + field, 0, 0));
            amazon.faults().malformed().add(new MalformedAnswers.Rule("GET", GET_ORDER, kind, "order." + field, 0, 0));
        }, SyncMode.CHANGED, Expect.HELD);
    }

    private Case mailchimpCase(String name, String method, String path, MalformedKind kind, String field, Expect expect) {
        return new Case(name, () -> {
            ordersArrive(2, true);
            cartsOpen(1);
            mailchimpFaults.malformed().add(new MalformedAnswers.Rule(method, path, kind, field, kind == MalformedKind.HUGE_BODY ? HUGE_BODY_BYTES : 0, 0));
        }, SyncMode.CHANGED, expect);
    }

    /** The case's switch set, one run of its kind, and what must hold of it and of Ponte around it. */
    private SyncRun runAndCheck(Case c) {
        long armed = System.nanoTime();
        c.arm().run();
        long launched = System.nanoTime();
        armNanos += launched - armed;
        long id;
        try {
            id = launcher.launch(c.mode(), SyncTrigger.REST, null);
        } catch (RuntimeException refused) {
            // the last run kept the lock: it is stuck as far as anyone can tell
            stuck++;
            failures.add(c.name() + ": no run could start (" + refused.getMessage() + ")");
            throw refused;
        }
        runs++;
        try {
            Awaitility.await().atMost(STUCK_AFTER).pollInterval(Duration.ofMillis(100))
                    .until(() -> syncRuns.find(id).map(r -> !r.running()).orElse(false));
        } catch (ConditionTimeoutException notEnded) {
            stuck++;
            failures.add(c.name() + ": run " + id + " not ended within " + STUCK_AFTER.toSeconds() + " s");
            Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> syncRuns.find(id).map(r -> !r.running()).orElse(false));
        }
        SyncRun run = syncRuns.find(id).orElseThrow();
        long ended = System.nanoTime();
        runNanos += ended - launched;
        if (c.expect() == Expect.REASON && (run.outcome() == SyncOutcome.SUCCEEDED || run.errors().isEmpty() && (run.reason() == null || run.reason().isBlank()))) {
            failures.add(c.name() + ": run " + id + " ended " + run.outcome() + " without naming the unreadable answer");
        }
        if (c.expect() == Expect.HELD && count("SELECT COUNT(*) FROM amazon_order_hold WHERE reason IS NOT NULL") == 0) {
            failures.add(c.name() + ": run " + id + " held no order");
        }
        // what the merchant and the operators see meanwhile
        // (each authenticated call checks a bcrypt hash: the lists of everything are read once, after the sweep)
        long t0 = System.nanoTime();
        check(c, Http.get(baseUrl() + "/api/sync/runs/" + id), true);
        long t1 = System.nanoTime();
        check(c, Http.get(baseUrl() + (c.name().startsWith("Mailchimp") ? "/api/mailchimp/parked" : "/api/amazon/held")), true);
        long t2 = System.nanoTime();
        HttpResponse<String> health = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).GET().build());
        long t3 = System.nanoTime();
        checkTimes.merge("run", t1 - t0, Long::sum);
        checkTimes.merge("held/parked", t2 - t1, Long::sum);
        checkTimes.merge("health", t3 - t2, Long::sum);
        requests++;
        if (!health.body().contains("\"status\"")) {
            failures.add(c.name() + ": health did not answer (" + health.statusCode() + ")");
        }
        HttpResponse<String> console = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/console/login")).GET().build());
        requests++;
        if (console.statusCode() != 200) {
            failures.add(c.name() + ": the console answered " + console.statusCode());
        }
        checkNanos += System.nanoTime() - ended;
        return run;
    }

    private void check(Case c, HttpResponse<String> answer, boolean leakChecked) {
        requests++;
        String body = answer.body() == null ? "" : answer.body();
        if (answer.statusCode() >= 500) {
            fiveHundreds++;
            failures.add(c.name() + ": " + answer.request().uri().getPath() + " answered " + answer.statusCode());
        }
        if (leakChecked && LEAK.matcher(body).find()) {
            leaks++;
            java.util.regex.Matcher m = LEAK.matcher(body);
            m.find();
            int at = m.start();
            failures.add(c.name() + ": " + answer.request().uri().getPath() + " leaks: …"
                    + body.substring(Math.max(0, at - 120), Math.min(body.length(), at + 80)) + "…");
        }
    }

    private void everythingBehaves() {
        amazon.faults().malformed().clear();
        amazon.pagination(false, false);
        mailchimpFaults.malformed().clear();
        mailchimpFaults.membersCountIgnored(false);
        mailchimpFaults.membersOffsetIgnored(false);
    }

    /** As between two scheduled runs: Amazon's feed interval passed, the owed records due, open circuits trying again. */
    private void timePassesBetweenRuns() {
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_feed SET submitted_at = submitted_at - INTERVAL 20 MINUTE");
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_outbox SET next_try_at = NULL WHERE status = 'PENDING'");
        shopJdbc.getJdbcTemplate().update("UPDATE mailchimp_outbox SET next_try_at = NULL WHERE status = 'PENDING'");
        remoteCircuitBreakerRegistry.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        mailchimpCircuitBreaker.reset();
    }

    // ---- the workload -----------------------------------------------------------------------------------------------

    /** Amazon orders updated within the next poll's window; {@code member}: their buyers are in the Mailchimp list. */
    private void ordersArrive(int count, boolean member) {
        Instant base = Instant.now().minus(270, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            int n = amazonOrders.size();
            Instant at = base.plusSeconds(i % 60);
            String email = "malformato" + n + "@marketplace.amazon.it";
            SandboxOrder order = amazon.addOrder(new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Cliente Malformato" + n,
                    email, new SandboxAddress("Cliente Malformato" + n, "Via delle Risposte " + n, null, "Torino", "TO", "10121", "IT", null),
                    List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1 + n % 2, new BigDecimal("24.50"))),
                    new BigDecimal("4.90"), at, at));
            amazonOrders.add(order);
            if (member) {
                mailchimp.putMember(email, "subscribed");
                members.add(email);
            }
        }
    }

    /** Customers of the web shop who never joined the list: a TOTAL run owes them all, enough to page through the list. */
    private void shopCustomers(int count) {
        for (int i = 0; i < count; i++) {
            shopJdbc.update("""
                    INSERT INTO customer (email, first_name, last_name, login_name, password_hash, marketing_consent)
                    VALUES (:e, 'Walter', 'Web', :e, '{noop}x', false)""", new MapSqlParameterSource("e", "cliente-web" + i + "@example.it"));
        }
    }

    private void cartsOpen(int count) {
        for (int i = 0; i < count; i++) {
            String email = "carrello-malformato" + carts.size() + "@example.it";
            long customer = insert("""
                    INSERT INTO customer (email, first_name, last_name, login_name, password_hash, marketing_consent)
                    VALUES (:e, 'Carla', 'Carrello', :e, '{noop}x', true)""", new MapSqlParameterSource("e", email));
            mailchimp.putMember(email, "subscribed");
            long cart = insert("INSERT INTO cart (customer_id, session_id, status) VALUES (:c, 'sess', 'OPEN')", new MapSqlParameterSource("c", customer));
            shopJdbc.update("INSERT INTO cart_row (cart_id, sku, quantity, unit_price) VALUES (:c, 'PONTE-MOKA-3', 1, 24.50)",
                    new MapSqlParameterSource("c", cart));
            carts.put(cart, true);
        }
    }

    // ---- the verdict ------------------------------------------------------------------------------------------------

    private Map<String, Integer> owedSummary() {
        return OwedRecords.summary(shopJdbc.getJdbcTemplate(), amazonOrders.size());
    }

    /** The members' orders stored in the ERP so far, and the open carts, that Mailchimp does not have. */
    private void lostInMailchimp(String after) {
        SandboxMailchimpState.Store store = mailchimp.store(mailchimpProperties.storeId()).orElseThrow();
        for (Map<String, Object> row : shopJdbc.queryForList("""
                SELECT o.id, c.email FROM shop_order o JOIN customer c ON c.id = o.customer_id
                 WHERE o.origin = 'AMAZON' AND o.status <> 'REGISTERED'""", Map.of())) {
            String id = String.valueOf(row.get("id"));
            if (members.contains((String) row.get("email")) && store.order(id).isEmpty() && lostAlongTheWay.add("order " + id)) {
                failures.add("order " + id + " of a member lost in Mailchimp after " + after);
            }
        }
        for (Long cart : carts.keySet()) {
            if (store.cart(String.valueOf(cart)).isEmpty() && lostAlongTheWay.add("cart " + cart)) {
                failures.add("open cart " + cart + " lost in Mailchimp after " + after);
            }
        }
    }

    /** {lost, duplicated}: Amazon orders in the shop and the ERP, members' orders and open carts in Mailchimp. */
    private int[] verify() {
        int lost = 0;
        int duplicated = 0;
        Map<String, Long> shopIds = new LinkedHashMap<>();
        for (Map<String, Object> row : shopJdbc.queryForList("""
                SELECT amazon_order_id, COUNT(*) AS n, MIN(id) AS id FROM shop_order WHERE origin = 'AMAZON' GROUP BY amazon_order_id""", Map.of())) {
            duplicated += ((Number) row.get("n")).intValue() - 1;
            shopIds.put((String) row.get("amazon_order_id"), ((Number) row.get("id")).longValue());
        }
        for (SandboxOrder order : amazonOrders) {
            if (!shopIds.containsKey(order.orderId())) {
                lost++;
                failures.add("Amazon order " + order.orderId() + " lost: not in the shop");
            }
        }
        for (Map<String, Object> d : erpJdbc.queryForList("SELECT idempotency_ref, COUNT(*) AS n FROM erp_document GROUP BY idempotency_ref", Map.of())) {
            duplicated += ((Number) d.get("n")).intValue() - 1;
        }
        int notInErp = count("""
                SELECT COUNT(*) FROM shop_order WHERE origin = 'AMAZON' AND (erp_ref IS NULL OR status = 'REGISTERED')""");
        lost += notInErp;
        if (notInErp > 0) {
            failures.add(notInErp + " Amazon orders not in the ERP");
        }
        // and whole: an order read from a spoiled answer never went in without its item
        int withoutItem = count("""
                SELECT COUNT(*) FROM shop_order o WHERE o.origin = 'AMAZON'
                   AND NOT EXISTS (SELECT 1 FROM order_row r WHERE r.order_id = o.id AND r.sku = 'PONTE-MOKA-3')""");
        int documentsWithoutItem = erpJdbc.queryForObject("""
                SELECT COUNT(*) FROM erp_document d
                 WHERE NOT EXISTS (SELECT 1 FROM erp_row r WHERE r.document_id = d.id AND r.item_code = 'PONTE-MOKA-3')""", Map.of(), Integer.class);
        if (withoutItem + documentsWithoutItem > 0) {
            failures.add(withoutItem + " shop orders and " + documentsWithoutItem + " ERP documents without their item");
        }
        int erpDocuments = erpJdbc.queryForObject("SELECT COUNT(DISTINCT idempotency_ref) FROM erp_document", Map.of(), Integer.class);
        if (erpDocuments != shopIds.size()) {
            failures.add("ERP documents " + erpDocuments + ", Amazon orders in the shop " + shopIds.size());
        }

        // every command told to Amazon exactly once
        for (Map.Entry<String, String> command : commands.entrySet()) {
            String id = command.getKey();
            boolean ship = command.getValue().equals("ship");
            int shipments = amazon.shipmentsOf(id).size();
            int cancellations = amazon.cancellationsOf(id).size();
            if ((ship ? shipments : cancellations) == 0) {
                lost++;
                failures.add(command.getValue() + " of " + id + " never reached Amazon");
            }
            duplicated += Math.max(0, shipments - (ship ? 1 : 0)) + Math.max(0, cancellations - (ship ? 0 : 1));
            String state = shopJdbc.queryForObject("SELECT amazon_state FROM shop_order WHERE id = :id", Map.of("id", shopIds.get(id)), String.class);
            if (!state.equals(ship ? "SHIPPED" : "CANCELLED")) {
                failures.add(command.getValue() + " of " + id + ": Amazon state " + state);
            }
        }

        SandboxMailchimpState.Store store = mailchimp.store(mailchimpProperties.storeId()).orElseThrow();
        int memberOrders = 0;
        for (SandboxOrder order : amazonOrders) {
            Long shopId = shopIds.get(order.orderId());
            if (shopId == null) {
                continue;
            }
            boolean sent = store.order(String.valueOf(shopId)).isPresent();
            if (members.contains(order.buyerEmail())) {
                memberOrders++;
                if (!sent) {
                    lost++;
                    failures.add("order " + shopId + " of a member lost: not in Mailchimp");
                }
            } else if (sent) {
                failures.add("order " + shopId + " of a non-member in Mailchimp");
            }
        }
        duplicated += Math.max(0, store.orderCount() - memberOrders);
        for (Map.Entry<Long, Boolean> cart : carts.entrySet()) {
            if (store.cart(String.valueOf(cart.getKey())).isEmpty()) {
                lost++;
                failures.add("open cart " + cart.getKey() + " lost: not in Mailchimp");
            }
        }
        duplicated += Math.max(0, store.cartCount() - carts.size());
        return new int[] {lost, duplicated};
    }

    private int count(String sql) {
        return shopJdbc.getJdbcTemplate().queryForObject(sql, Integer.class);
    }

    private long insert(String sql, MapSqlParameterSource params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shopJdbc.update(sql, params, key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /** Records owed in one run beyond which Mailchimp's list is paged through (ponte.mailchimp.bulk-member-threshold, 200). */
    private static final class MailchimpPagingThreshold {
        static final int OWED = 200;
    }

    /** The page size the reliability context asks Amazon for ({@link ReliabilityContext#AMAZON_PAGES}). */
    private static final class ReliabilityPages {
        static final int PAGE = 50;
    }
}
