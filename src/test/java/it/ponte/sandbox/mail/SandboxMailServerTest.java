package it.ponte.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.PonteIntegrationTest;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Mail Ponte sends in the sandbox lands in the local SMTP server and can be read back. */
class SandboxMailServerTest extends PonteIntegrationTest {

    @Autowired
    ProducerTemplate producer;

    @Value("${ponte.sandbox.smtp.port}")
    int smtpPort;

    @Autowired
    SandboxMailServer mailServer;

    @Test
    void mailSentInTheSandboxIsReceivedLocallyAndCanBePurged() {
        mailServer.purge();
        producer.sendBodyAndHeaders("smtp://127.0.0.1:" + smtpPort + "?from=ponte@localhost&to=amministratore@localhost",
                "Ordini importati: 3", Map.of("Subject", "Rapporto sincronizzazione"));

        assertThat(mailServer.messages()).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("amministratore@localhost");
            assertThat(m.subject()).isEqualTo("Rapporto sincronizzazione");
            assertThat(m.text()).contains("Ordini importati: 3");
            assertThat(m.sentDate()).isNotNull();
        });
        SandboxAmazonHttp http = new SandboxAmazonHttp(baseUrl());
        HttpResponse<String> listed = http.sendJson("GET", "/sandbox/mail", null);
        assertThat(SandboxAmazonHttp.json(listed).at("/0/from").asText()).isEqualTo("ponte@localhost");
        assertThat(http.sendJson("DELETE", "/sandbox/mail", null).statusCode()).isEqualTo(204);
        assertThat(mailServer.messages()).isEmpty();
    }
}
