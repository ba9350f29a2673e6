package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Seed 000 (ORDINI): which orders reach the Mailchimp store, in which state, and only once. */
class MailchimpOrderSyncTest extends MailchimpSyncTestBase {

    @Test
    void orderOfCustomerNotInListIsNotSentToMailchimp() {
        long inList = shop.customer("iscritto@example.it", false, true);
        long outside = shop.customer("estraneo@example.it", false, true);
        sandbox.putMember("iscritto@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long sent = shop.order(inList, "STORED");
        shop.orderRow(sent, 1, "SKU-1", 2, "10.00");
        long notSent = shop.order(outside, "STORED");
        shop.orderRow(notSent, 1, "SKU-1", 1, "10.00");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().order(String.valueOf(sent))).isPresent();
        assertThat(store().order(String.valueOf(notSent))).isEmpty();
        assertThat(report.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
        assertThat(report.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.NOT_IN_LIST)).isEqualTo(1);
    }

    @Test
    void cleanedOrArchivedMembersAreSkipped() {
        long cleaned = shop.customer("pulito@example.it", false, true);
        sandbox.putMember("pulito@example.it", "cleaned");
        shop.product("SKU-1", "10.00");
        long order = shop.order(cleaned, "STORED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().order(String.valueOf(order))).isEmpty();
        assertThat(report.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.MEMBER_CLEANED)).isEqualTo(1);
    }

    @Test
    void orderNeverInErpNeverReachesMailchimp() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long unconfirmed = shop.order(customer, "PAYMENT_UNCONFIRMED");
        shop.orderRow(unconfirmed, 1, "SKU-1", 1, "10.00");
        long registered = shop.order(customer, "REGISTERED");
        shop.orderRow(registered, 1, "SKU-1", 1, "10.00");
        long stored = shop.order(customer, "STORED");
        shop.orderRow(stored, 1, "SKU-1", 1, "10.00");

        sync("TOTAL");
        sync("CHANGED", Instant.now().minusSeconds(3600));
        sync("PARTIAL", Instant.now().minusSeconds(3600));

        assertThat(store().order(String.valueOf(unconfirmed))).isEmpty();
        assertThat(store().order(String.valueOf(registered))).isEmpty();
        assertThat(store().order(String.valueOf(stored))).isPresent();
        assertThat(store().orderCount()).isEqualTo(1);
    }

    @Test
    void statusMappingFollowsErpChanges() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 2, "10.00");
        String id = String.valueOf(order);

        sync("TOTAL");
        assertThat(store().order(id).orElseThrow().path("financial_status").asText()).isEqualTo("pending");

        Instant since = Instant.now();
        Thread.sleep(20);
        shop.orderStatus(order, "DELIVERED");
        sync("CHANGED", since);
        assertThat(store().order(id).orElseThrow().path("fulfillment_status").asText()).isEqualTo("shipped");

        since = Instant.now();
        Thread.sleep(20);
        shop.orderStatus(order, "INVOICED");
        sync("CHANGED", since);
        assertThat(store().order(id).orElseThrow().path("financial_status").asText()).isEqualTo("paid");

        since = Instant.now();
        Thread.sleep(20);
        shop.orderStatus(order, "CANCELLED");
        sync("CHANGED", since);
        assertThat(store().order(id).orElseThrow().path("financial_status").asText()).isEqualTo("cancelled");
        assertThat(store().order(id).orElseThrow().path("cancelled_at_foreign").asText()).isNotBlank();

        assertThat(store().orderCount()).isEqualTo(1);
        assertThat(postsOf("/orders")).isEqualTo(1);
    }

    @Test
    void newInvoicedOrderIsCreatedPendingThenPaid() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "transactional");
        shop.product("SKU-1", "10.00");
        long order = shop.order(customer, "INVOICED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");

        sync("TOTAL");

        assertThat(store().order(String.valueOf(order)).orElseThrow().path("financial_status").asText()).isEqualTo("paid");
        assertThat(sandbox.requests()).containsSubsequence(
                "POST /ecommerce/stores/" + properties.storeId() + "/orders",
                "PATCH /ecommerce/stores/" + properties.storeId() + "/orders/" + order);
    }

    @Test
    void orderWithoutRowsIsReportedNotSent() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        long order = shop.order(customer, "STORED");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().order(String.valueOf(order))).isEmpty();
        assertThat(report.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.NO_ROWS)).isEqualTo(1);
    }

    @Test
    void productMissingInMailchimpIsPushedAndOrderRetried() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        long product = shop.product("SKU-1", "10.00");
        sync("TOTAL");
        assertThat(store().product(String.valueOf(product))).isPresent();
        // someone deletes the product in Mailchimp; Ponte's ledger still believes it is there
        store().removeProduct(String.valueOf(product));

        Instant since = Instant.now();
        Thread.sleep(20);
        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        MailchimpReport report = sync("CHANGED", since);

        assertThat(store().order(String.valueOf(order))).isPresent();
        assertThat(store().product(String.valueOf(product))).isPresent();
        assertThat(report.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
    }

    @Test
    void historyBackfillSendsOrdersAlreadyInErp() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long old = shop.order(customer, "INVOICED");
        shop.orderRow(old, 1, "SKU-1", 1, "10.00");
        long registered = shop.order(customer, "REGISTERED");
        shop.orderRow(registered, 1, "SKU-1", 1, "10.00");

        // a CHANGED run after the orders were last touched sends nothing
        sync("CHANGED", Instant.now().plusSeconds(60));
        assertThat(store().orderCount()).isZero();

        java.util.Map<String, Object> headers = new java.util.HashMap<>();
        headers.put("syncMode", "TOTAL");
        headers.put("mailchimpScope", "ORDERS");
        headers.put("since", Instant.now().minusSeconds(86_400));
        headers.put("mailchimpReportMail", "false");
        MailchimpReport report = producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);

        assertThat(store().order(String.valueOf(old))).isPresent();
        assertThat(store().order(String.valueOf(registered))).isEmpty();
        assertThat(report.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
        assertThat(report.counts(MailchimpEntity.CUSTOMER).created()).isZero();
    }

    @Test
    void consentDecidesOptInStatus() {
        long consenting = shop.customer("si@example.it", true, true);
        long silent = shop.customer("no@example.it", false, true);
        sandbox.putMember("si@example.it", "transactional");
        sandbox.putMember("no@example.it", "transactional");

        sync("TOTAL");

        SandboxMailchimpState.Store store = store();
        assertThat(store.customer(customerId(consenting, "si@example.it")).orElseThrow().path("opt_in_status").asBoolean()).isTrue();
        assertThat(store.customer(customerId(silent, "no@example.it")).orElseThrow().path("opt_in_status").asBoolean()).isFalse();
        assertThat(sandbox.memberStatus("si@example.it")).contains("subscribed");
        assertThat(sandbox.memberStatus("no@example.it")).contains("transactional");
    }

    private static String customerId(long id, String email) {
        return MailchimpMapper.customerId(new ShopRecords.ShopCustomer(id, email, null, null, null, true, false, null));
    }
}
