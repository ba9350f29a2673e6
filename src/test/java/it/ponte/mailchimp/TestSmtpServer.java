package it.ponte.mailchimp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A GreenMail SMTP server on {@code spring.mail.port} for the tests that read the mails Ponte sends. Stands in
 * until the sandbox has its own local SMTP server: when that one already holds the port, this one stays off.
 */
@Profile("test")
@Component
public class TestSmtpServer {

    private final GreenMail greenMail;

    public TestSmtpServer(@Value("${spring.mail.port}") int port) {
        this.greenMail = portFree(port) ? new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) : null;
        if (greenMail != null) {
            greenMail.start();
        }
    }

    public boolean isRunning() {
        return greenMail != null;
    }

    public List<MimeMessage> received() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    public void purge() {
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
