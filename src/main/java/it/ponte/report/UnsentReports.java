package it.ponte.report;

import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report and alert mails the SMTP server did not take: kept as rendered by the {@code report-mail} route, sent again by
 * {@code report-resend} until the server takes them, then kept with the mails sent ({@link SentReports}). A mail server
 * that is down delays a report, never loses it.
 */
@Repository("unsentReports")
public class UnsentReports {

    /** A mail waiting for the SMTP server, as it will leave. */
    public record Unsent(long id, Long runId, String kind, String verdict, String subject, String html, String text,
                         ReportAttachment attachment) {
    }

    private final NamedParameterJdbcTemplate shop;

    public UnsentReports(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** The SMTP endpoint refused or could not reach the server: the mail as rendered (HTML body, text alternative) waits. */
    public void queue(@ExchangeProperty("reportMail") ReportMail mail, @Body String html, @ExchangeProperty("reportText") String text,
                      @Header("Subject") String subject, @ExchangeProperty("CamelExceptionCaught") Throwable failure) {
        String s = subject == null ? mail.subject() : subject;
        shop.update("""
                INSERT INTO unsent_report (run_id, kind, verdict, subject, html_body, text_body, last_error, attachment_name, attachment_csv)
                VALUES (:runId, :kind, :verdict, :subject, :html, :text, :error, :attachmentName, :attachmentCsv)
                """, new MapSqlParameterSource().addValue("runId", mail.report().runId())
                .addValue("kind", mail.report().kind().name()).addValue("verdict", mail.verdict().name())
                .addValue("subject", s == null ? "" : s.length() > 500 ? s.substring(0, 500) : s)
                .addValue("html", html == null ? "" : html).addValue("text", text == null ? "" : text)
                .addValue("error", error(failure))
                .addValue("attachmentName", mail.attachment() == null ? null : mail.attachment().fileName())
                .addValue("attachmentCsv", mail.attachment() == null ? null : mail.attachment().csv()));
    }

    /** The mails waiting, oldest first. */
    public List<Unsent> waiting() {
        return shop.query("SELECT * FROM unsent_report ORDER BY id LIMIT 50", Map.of(), (rs, i) -> {
            long runId = rs.getLong("run_id");
            return new Unsent(rs.getLong("id"), rs.wasNull() ? null : runId, rs.getString("kind"), rs.getString("verdict"),
                    rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"),
                    rs.getString("attachment_name") == null ? null : new ReportAttachment(rs.getString("attachment_name"), rs.getString("attachment_csv")));
        });
    }

    /** The server took it at last: kept with the mails sent, for the console, and no longer waiting. */
    @Transactional("shopTransactionManager")
    public void sent(@Body Unsent mail) {
        shop.update("""
                INSERT INTO run_report (run_id, kind, verdict, subject, html_body, text_body)
                SELECT run_id, kind, verdict, subject, html_body, text_body FROM unsent_report WHERE id = :id
                """, Map.of("id", mail.id()));
        shop.update("DELETE FROM unsent_report WHERE id = :id", Map.of("id", mail.id()));
    }

    /** Still not taken: one attempt more, and why. */
    public void stillUnsent(@Body Unsent mail, @ExchangeProperty("CamelExceptionCaught") Throwable failure) {
        shop.update("UPDATE unsent_report SET attempts = attempts + 1, last_error = :error WHERE id = :id",
                new MapSqlParameterSource().addValue("id", mail.id()).addValue("error", error(failure)));
    }

    private static String error(Throwable failure) {
        if (failure == null) {
            return null;
        }
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
