package it.ponte.sandbox.mail;

import java.time.Instant;
import java.util.List;

/** A message the local SMTP server received, reduced to what a rehearsal or a test looks at. */
public record ReceivedMail(String from, List<String> to, String subject, Instant sentDate, String text) {
}
