package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.db.DataSourcesConfig.DatabaseLocations;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Known secrets configured (the accounts' LWA client secrets and refresh tokens, the Mailchimp key, the database
 * password): after a full run and a failing one, none of them appears in any API or actuator answer, log line or mail.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest extends SyncTestBase {

    private static final List<String> API = List.of("/api/sync/runs", "/api/orders", "/api/amazon/accounts", "/api/amazon/parked",
            "/api/mailchimp/parked", "/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus");

    @Autowired
    DatabaseLocations locations;
    @Value("${ponte.mailchimp.api-key}")
    String mailchimpKey;
    @Value("${ponte.report.smtp.password}")
    String smtpPassword;

    @Test
    void noSecretAppearsInAnswersLogsOrMailsAfterAGoodAndAFailingRun(CapturedOutput output) {
        java.util.Set<String> configured = new java.util.LinkedHashSet<>(List.of(locations.password(), mailchimpKey, smtpPassword));
        amazonProperties.accounts().forEach(a -> {
            configured.add(a.lwa().clientSecret());
            configured.add(a.lwa().refreshToken());
        });
        List<String> secrets = configured.stream().filter(s -> s != null && !s.isBlank()).toList();

        fixtures.amazonOrder();
        fixtures.webOrder("REGISTERED");
        SyncRun good = sync.run(SyncMode.TOTAL);
        amazonProperties.accounts().forEach(a -> lwaTokens.invalidate(a.id()));
        amazon.faults().add(new AmazonFault(AmazonFault.LWA_OPERATION, 400, 0, "invalid_grant"));
        SyncRun failing = sync.run(SyncMode.TOTAL);
        amazon.faults().clear();

        List<String> collected = new ArrayList<>();
        for (String path : API) {
            collected.add(Http.get(baseUrl() + path).body());
        }
        collected.add(Http.get(baseUrl() + "/api/sync/runs/" + good.id()).body());
        collected.add(Http.get(baseUrl() + "/api/sync/runs/" + failing.id()).body());
        List<ReceivedMail> mails = mail.messages();
        mails.forEach(m -> collected.add(m.subject() + "\n" + m.text() + "\n" + m.html()));
        collected.add(output.getAll());

        assertThat(failing.errors()).isNotEmpty();
        long found = 0;
        for (String secret : secrets) {
            for (String text : collected) {
                assertThat(text).as("a collected answer, log or mail").doesNotContain(secret);
                found += text == null || !text.contains(secret) ? 0 : 1;
            }
        }
        System.out.println("RELIABILITY: secrets - " + secrets.size() + " known secrets, " + (API.size() + 2) + " API/actuator answers, "
                + mails.size() + " mails, " + output.getAll().lines().count() + " log lines searched: found " + found);
    }
}
