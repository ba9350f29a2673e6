package it.ponte.sandbox.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sandbox's local SMTP server (GreenMail) on loopback: it accepts mail for anyone, so the reports Ponte sends can
 * be read back instead of reaching real people. It knows one user (ponte.sandbox.smtp.username and password, which
 * the sandbox profile gives Ponte as its SMTP login): a login is checked, a session without one is let through.
 */
@Component
@Profile("sandbox")
public class SandboxMailServer implements SmartLifecycle {

    private final GreenMail greenMail;
    private volatile boolean running;

    private final String login;
    private final String password;

    public SandboxMailServer(@Value("${ponte.sandbox.smtp.port}") int port,
                             @Value("${ponte.sandbox.smtp.username:ponte}") String login,
                             @Value("${ponte.sandbox.smtp.password:sandbox-smtp-password}") String password) {
        this.login = login;
        this.password = password;
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(login + "@sandbox.invalid", login, password));
    }

    /** The sandbox user's password changed, or (null) set back: a login with the configured one is then refused. */
    public void changePassword(String newPassword) {
        greenMail.getUserManager().getUser(login).setPassword(newPassword == null ? password : newPassword);
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Camel routes start, so the first report has somewhere to go. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    public List<ReceivedMail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(SandboxMailServer::toReceivedMail).toList();
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot purge the sandbox mailboxes", e);
        }
    }

    private static ReceivedMail toReceivedMail(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return new ReceivedMail(from == null || from.length == 0 ? null : from[0].toString(),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    text(message), html(message), headers(message), attachments(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a received message", e);
        }
    }

    /** The attached files (a part with a file name), by name, as text. */
    private static java.util.Map<String, String> attachments(Part part) throws MessagingException, IOException {
        java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.putAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            try (java.io.InputStream in = part.getInputStream()) {
                found.put(part.getFileName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    /** The HTML part, if the message has one. */
    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static List<String> headers(MimeMessage message) throws MessagingException {
        return java.util.Collections.list(message.getAllHeaderLines());
    }

    /** The plain-text part if there is one, else the first text part (HTML only mails): what a reader sees. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null && child.isMimeType("text/plain")) {
                    return text;
                }
                if (text != null && fallback == null) {
                    fallback = text;
                }
            }
            return fallback;
        }
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        return null;
    }
}
