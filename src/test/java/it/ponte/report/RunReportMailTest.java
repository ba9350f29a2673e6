package it.ponte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncContext;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 7: one report per run, as the administrator's SMTP server receives it (Italian, the default language). */
class RunReportMailTest extends SyncTestBase {

    private static final List<String> SECRETS = List.of("sandbox-client-secret", "Atzr|sandbox-refresh-it-main", "sandbox0000-us6");

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void listAndCatalogue() {
        mailchimp.reset();
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 30.00)", Map.of());
    }

    @Test
    void aRunWithSomethingNewSendsOneReportWithAnHtmlAndATextPart() {
        SandboxOrder amazonOrder = fixtures.amazonOrder();
        long webOrder = fixtures.webOrder("REGISTERED");
        memberOf(webOrder);

        SyncRun run = sync.run(SyncMode.CHANGED);

        ReceivedMail report = theOnlyMail();
        assertThat(report.to()).containsExactly("amministratore@localhost");
        assertThat(report.from()).isEqualTo("ponte@localhost");
        assertThat(report.subject()).startsWith("Ponte – sincronizzazione #" + run.id() + " (per Variati): ")
                .contains("ordini Amazon importati: 1").contains("Mailchimp: ");
        Map<String, Object> imported = fixtures.order(fixtures.shopId(amazonOrder.orderId()));
        String number = imported.get("erp_series") + "/" + imported.get("erp_number");
        assertThat(report.text()).contains("Report della sincronizzazione #" + run.id())
                .contains("Ordini importati da Amazon: 1").contains(amazonOrder.orderId()).contains("Rita Amazon")
                .contains("documento gestionale " + number).contains("Ordini: creati 1")
                .doesNotContain("<table").doesNotContain("<li>");
        assertThat(report.html()).contains("<html lang=\"it\">").contains("<table").contains(amazonOrder.orderId())
                .contains("Ordini importati da Amazon: 1").contains("documento gestionale " + number).contains("Ordini: creati 1");
        assertThat(report.headers()).noneMatch(h -> h.startsWith("syncPhase") || h.startsWith("mailchimp") || h.startsWith("amazon"));
    }

    @Test
    void aChangedRunThatOnlySkipsUnchangedRecordsSendsNoMail() {
        long webOrder = fixtures.webOrder("REGISTERED");
        memberOf(webOrder);
        sync.run(SyncMode.CHANGED);
        assertThat(theOnlyMail().subject()).contains("Mailchimp");
        mail.purge();
        int requestsBefore = mailchimp.requests().size();

        SyncRun quiet = sync.run(SyncMode.CHANGED);
        SyncRun total = sync.run(SyncMode.TOTAL);

        assertThat(quiet.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(total.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(mailchimp.requests().subList(requestsBefore, mailchimp.requests().size()))
                .as("the later runs found every record unchanged")
                // the store's own PATCHes are its is_syncing flag: this TOTAL is the store's first, a history load (issue 11)
                .noneMatch(r -> (r.startsWith("PATCH ") || r.startsWith("POST ")) && !r.matches("PATCH /ecommerce/stores/[^/]+"));
        assertThat(mail.messages()).isEmpty();
    }

    @Test
    void aFailedRunSendsAnAlertWithItsReason() {
        SyncContext failed = new SyncContext(4242, SyncMode.CHANGED, SyncTrigger.SCHEDULE, true, null, null, "test-lock");
        failed.error("Stato dell'ordine #12 non applicato: documento non trovato");
        failed.putReport("failure", "database del negozio non raggiungibile: Connection refused");

        producer.send("direct:report", exchange -> exchange.setProperty(SyncContext.PROPERTY, failed));

        ReceivedMail alert = theOnlyMail();
        assertThat(alert.subject())
                .isEqualTo("Ponte – sincronizzazione #4242 (per Variati) INTERROTTA: database del negozio non raggiungibile: Connection refused");
        assertThat(alert.text()).contains("Sincronizzazione #4242 interrotta")
                .contains("Motivo: database del negozio non raggiungibile: Connection refused")
                .contains("Stato dell'ordine #12 non applicato: documento non trovato");
        assertThat(alert.html()).contains("Motivo: database del negozio non raggiungibile: Connection refused")
                .contains("Stato dell&#39;ordine #12 non applicato");
    }

    @Test
    void aRunOfManyOrdersListsTheFirstOnesCountsTheRestAndStillListsEveryHeldAndFailedOrder() {
        // a first import of 250 orders (the default lists 200), with orders held and failed among them
        SyncContext big = new SyncContext(4444, SyncMode.PARTIAL, SyncTrigger.REST, false, null, null, "test-lock");
        java.time.Instant purchased = java.time.Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 250; i++) {
            big.getAmazonReport().add(new it.ponte.amazon.ImportOutcome(it.ponte.amazon.ImportOutcome.Kind.IMPORTED, "it-main",
                    String.format("405-0000000-%07d", i), purchased, "APJ6JRA9NG5V4", null, i == 249 ? "=SOMMA(1;2)" : "Cliente " + i,
                    new java.math.BigDecimal("19.90"),
                    "EUR", null, null, true, true));
        }
        for (int i = 0; i < 3; i++) {
            big.getAmazonReport().add(new it.ponte.amazon.ImportOutcome(it.ponte.amazon.ImportOutcome.Kind.HELD, "it-main",
                    "406-HELD000-000000" + i, purchased, "APJ6JRA9NG5V4", null, null, null, null,
                    it.ponte.amazon.HoldReason.MISSING_ADDRESS, null, false, false));
        }
        for (int i = 0; i < 2; i++) {
            big.getAmazonReport().add(new it.ponte.amazon.ImportOutcome(it.ponte.amazon.ImportOutcome.Kind.FAILED, "it-main",
                    "407-FAIL000-000000" + i, purchased, "APJ6JRA9NG5V4", null, null, null, null, null, "prezzo illeggibile " + i, false, false));
        }

        // the first time the mail server is down: the mail waits with its attachment, and leaves whole
        mail.stop();
        try {
            producer.send("direct:report", exchange -> exchange.setProperty(SyncContext.PROPERTY, big));
        } finally {
            mail.start();
        }
        producer.sendBody("direct:report-resend", null);

        ReceivedMail report = theOnlyMail();
        assertThat(report.subject()).contains("ordini Amazon importati: 250");
        for (String part : List.of(report.text(), report.html())) {
            assertThat(part).contains("Ordini importati da Amazon: 250").contains("405-0000000-0000000").contains("405-0000000-0000199")
                    .doesNotContain("405-0000000-0000200").doesNotContain("405-0000000-0000249")
                    .contains("e altri 50 ordini importati, non elencati qui")
                    .contains("console (Amazon – Ordini)").contains("GET /api/orders?origin=AMAZON")
                    .contains("406-HELD000-0000000").contains("406-HELD000-0000001").contains("406-HELD000-0000002")
                    .contains("407-FAIL000-0000000: prezzo illeggibile 0").contains("407-FAIL000-0000001: prezzo illeggibile 1");
        }
        assertThat(report.text().lines().filter(l -> l.startsWith("- 405-0000000-"))).hasSize(200);
        assertThat(report.text()).contains("l'elenco completo è nel file allegato");
        // every imported order in the attached CSV, a formula from a buyer's name defused
        assertThat(report.attachments()).containsOnlyKeys("ordini-amazon-importati-4444.csv");
        List<String> csv = report.attachments().get("ordini-amazon-importati-4444.csv").lines().toList();
        assertThat(csv).hasSize(251);
        assertThat(csv.get(0)).isEqualTo("Ordine Amazon;Data acquisto;Marketplace;Cliente;Nuovo cliente;Totale;Valuta;Documento gestionale");
        assertThat(csv.get(1)).isEqualTo("405-0000000-0000000;20/11/2026 11:00;Amazon.it;Cliente 0;sì;19,90;EUR;");
        assertThat(csv.get(250)).startsWith("405-0000000-0000249;20/11/2026 11:00;Amazon.it;\"'=SOMMA(1;2)\";");
        assertThat(csv).noneMatch(l -> l.startsWith("406-") || l.startsWith("407-"));
    }

    @Test
    void anAlertTheMailServerDidNotTakeWaitsAndLeavesOnceTheServerAnswersAgain() {
        SyncContext failed = new SyncContext(4343, SyncMode.CHANGED, SyncTrigger.SCHEDULE, true, null, null, "test-lock");
        failed.putReport("failure", "database del negozio non raggiungibile: Connection refused");
        mail.stop();
        try {
            producer.send("direct:report", exchange -> exchange.setProperty(SyncContext.PROPERTY, failed));
            assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM unsent_report WHERE run_id = 4343", Map.of(), Integer.class)).isEqualTo(1);
            // tried again while the server is still down: it keeps waiting, one attempt more
            producer.sendBody("direct:report-resend", null);
            assertThat(shopJdbc.queryForObject("SELECT attempts FROM unsent_report WHERE run_id = 4343", Map.of(), Integer.class)).isEqualTo(2);
        } finally {
            mail.start();
        }

        producer.sendBody("direct:report-resend", null);

        ReceivedMail alert = theOnlyMail();
        assertThat(alert.subject()).isEqualTo(
                "Ponte – sincronizzazione #4343 (per Variati) INTERROTTA: database del negozio non raggiungibile: Connection refused");
        assertThat(alert.text()).contains("Motivo: database del negozio non raggiungibile: Connection refused");
        assertThat(alert.html()).contains("Motivo: database del negozio non raggiungibile: Connection refused");
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM unsent_report", Map.of(), Integer.class)).isZero();
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM run_report WHERE run_id = 4343", Map.of(), Integer.class)).isEqualTo(1);
    }

    @Test
    void noSecretAppearsInTheReportEvenWhenAnErrorQuotesOne() {
        amazon.sellers().revokeSeller("A1PONTESANDBOX");
        fixtures.amazonOrder();

        SyncRun run = sync.run(SyncMode.PARTIAL);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        ReceivedMail report = theOnlyMail();
        assertThat(report.text()).contains("it-main").contains("errore di configurazione");
        assertNoSecret(report);
        mail.purge();

        SyncContext careless = new SyncContext(4243, SyncMode.CHANGED, SyncTrigger.REST, false, null, null, "test-lock");
        careless.error("LWA refused client_secret=sandbox-client-secret refresh_token=Atzr|sandbox-refresh-it-main, Mailchimp key sandbox0000-us6");
        producer.send("direct:report", exchange -> exchange.setProperty(SyncContext.PROPERTY, careless));

        ReceivedMail masked = theOnlyMail();
        assertThat(masked.text()).contains("client_secret=****").contains("refresh_token=****").contains("Mailchimp key ****");
        assertNoSecret(masked);
    }

    @Test
    void anSmtpOutageNeitherFailsTheRunNorChangesItsOutcome() {
        SandboxOrder order = fixtures.amazonOrder();
        mail.stop();
        try {
            SyncRun run = sync.run(SyncMode.PARTIAL);

            assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
            assertThat(fixtures.order(fixtures.shopId(order.orderId())).get("status")).isEqualTo("STORED");
        } finally {
            mail.start();
        }
    }

    private void assertNoSecret(ReceivedMail mail) {
        for (String secret : SECRETS) {
            assertThat(mail.subject()).doesNotContain(secret);
            assertThat(mail.text()).doesNotContain(secret);
            assertThat(mail.html()).doesNotContain(secret);
            assertThat(mail.headers()).noneMatch(h -> h.contains(secret));
        }
    }

    private ReceivedMail theOnlyMail() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mail.messages().isEmpty());
        assertThat(mail.messages()).as("one report per run").hasSize(1);
        return mail.messages().get(0);
    }

    private void memberOf(long orderId) {
        String email = shopJdbc.queryForObject("SELECT c.email FROM customer c JOIN shop_order o ON o.customer_id = c.id WHERE o.id = :id",
                Map.of("id", orderId), String.class);
        mailchimp.putMember(email, "subscribed");
    }
}
