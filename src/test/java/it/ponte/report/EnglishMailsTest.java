package it.ponte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.PonteIntegrationTest;
import it.ponte.amazon.AmazonImportReport;
import it.ponte.amazon.HoldReason;
import it.ponte.amazon.ImportOutcome;
import it.ponte.mailchimp.MailchimpEntity;
import it.ponte.mailchimp.MailchimpReport;
import it.ponte.mailchimp.MailchimpReportMailer;
import it.ponte.mailchimp.MailchimpScope;
import it.ponte.mailchimp.MailchimpVerdict;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sandbox.mail.SandboxMailServer;
import it.ponte.shop.ShopOrderRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/** The administrator's mails in English ({@code ponte.report.language: en}), as the SMTP server receives them. */
class EnglishMailsTest extends PonteIntegrationTest {

    @Autowired
    JavaMailSender sender;
    @Autowired
    ShopOrderRepository orders;
    @Autowired
    SandboxMailServer smtp;

    @BeforeEach
    void emptyMailbox() {
        smtp.purge();
    }

    @Test
    void theImportNotificationSpeaksEnglish() {
        AmazonImportReport report = new AmazonImportReport();
        report.add(new ImportOutcome(ImportOutcome.Kind.IMPORTED, "it-main", "402-1111111-2222222", Instant.parse("2026-11-24T09:15:00Z"),
                "APJ6JRA9NG5V4", null, "Anna Rossi <a@marketplace.amazon.it>", new BigDecimal("1234.50"), "EUR", null, null, true, false));
        report.add(new ImportOutcome(ImportOutcome.Kind.HELD, "it-main", "402-3333333-4444444", Instant.parse("2026-11-24T10:00:00Z"),
                "APJ6JRA9NG5V4", null, null, null, null, HoldReason.MISSING_EMAIL, null, false, false));

        new AmazonImportMail(sender, new ReportProperties("ponte@localhost", "admin@localhost", "en"), orders).send(report);

        ReceivedMail mail = received();
        assertThat(mail.subject()).isEqualTo("Ponte – Amazon orders imported: 1");
        assertThat(mail.text()).contains("Orders imported from Amazon: 1").contains("402-1111111-2222222 of 24/11/2026 10:15")
                .contains("customer Anna Rossi").contains("(new)").contains("total 1,234.50 EUR").contains("to be inserted by the next sync")
                .contains("402-3333333-4444444").contains("Amazon has not given the buyer's e-mail yet")
                .doesNotContain("Ordini").doesNotContain("cliente");
    }

    @Test
    void theMailchimpReportSpeaksEnglish() {
        Map<MailchimpEntity, MailchimpReport.EntityCounts> entities = new EnumMap<>(MailchimpEntity.class);
        for (MailchimpEntity e : MailchimpEntity.values()) {
            entities.put(e, new MailchimpReport.EntityCounts(0, 0, 0, Map.of(), Map.of(), 0));
        }
        entities.put(MailchimpEntity.ORDER, new MailchimpReport.EntityCounts(2, 1, 0, Map.of(MailchimpVerdict.NOT_IN_LIST, 3), Map.of(), 0));
        MailchimpReport report = new MailchimpReport(7L, "CHANGED", MailchimpScope.ALL, null, Instant.now(), Instant.now(), true, null,
                entities, MailchimpVerdict.AUTOMATION_PAUSED, "paused", List.of(), null);

        new MailchimpReportMailer(sender, "ponte@localhost", "admin@localhost", "en").send(report);

        ReceivedMail mail = received();
        assertThat(mail.subject()).contains("#7");
        assertThat(mail.text()).contains("Orders").contains("created 2").contains("updated 1").contains("paused")
                .doesNotContain("Ordini").doesNotContain("creati");
    }

    private ReceivedMail received() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        return smtp.messages().get(0);
    }
}
