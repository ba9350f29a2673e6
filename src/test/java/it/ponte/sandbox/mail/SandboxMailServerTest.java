package it.ponte.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.PonteIntegrationTest;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Mail Ponte sends in the sandbox lands in the local SMTP server and can be read back. */
class SandboxMailServerTest extends PonteIntegrationTest {

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    SandboxMailServer mailServer;

    @Test
    void mailSentInTheSandboxIsReceivedLocallyAndCanBePurged() {
        mailServer.purge();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("ponte@localhost");
        message.setTo("amministratore@localhost");
        message.setSubject("Rapporto sincronizzazione");
        message.setText("Ordini importati: 3");
        mailSender.send(message);

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
