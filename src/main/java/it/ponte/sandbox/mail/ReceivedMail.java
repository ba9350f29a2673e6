package it.ponte.sandbox.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message the local SMTP server received, reduced to what a rehearsal or a test looks at: the plain text a reader
 * sees (the text part, else the first part), the HTML part when there is one, and every MIME header line (to check
 * what leaves with a mail).
 */
public record ReceivedMail(String from, List<String> to, String subject, Instant sentDate, String text, String html, List<String> headers,
                           java.util.Map<String, String> attachments) {
}
