package it.ponte.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The run reports as the administrator received them: the {@code report-mail} route keeps each mail it sent over SMTP
 * (subject, HTML, plain-text alternative), so the console shows the very mail, not a re-rendering of today's data.
 */
@Repository("sentReports")
public class SentReports {

    /** A report mail as sent; the list view leaves the bodies out. */
    public record SentReport(long id, Long runId, String kind, String verdict, String subject, Instant sentAt, String html,
                             String text) {
    }

    private final NamedParameterJdbcTemplate shop;

    public SentReports(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** Called right after the SMTP endpoint accepted the mail: the body is the HTML that left, the text its alternative. */
    public void sent(@ExchangeProperty("reportMail") ReportMail mail, @Body String html, @ExchangeProperty("reportText") String text) {
        String subject = mail.subject();
        shop.update("""
                INSERT INTO run_report (run_id, kind, verdict, subject, html_body, text_body)
                VALUES (:runId, :kind, :verdict, :subject, :html, :text)
                """, new MapSqlParameterSource().addValue("runId", mail.report().runId())
                .addValue("kind", mail.report().kind().name()).addValue("verdict", mail.verdict().name())
                .addValue("subject", subject == null ? "" : subject.length() > 500 ? subject.substring(0, 500) : subject)
                .addValue("html", html == null ? "" : html).addValue("text", text == null ? "" : text));
    }

    /** The latest reports, newest first, with their bodies. */
    public List<SentReport> latest(int limit) {
        return shop.query("SELECT * FROM run_report ORDER BY id DESC LIMIT :limit", Map.of("limit", limit), SentReports::map);
    }

    public Optional<SentReport> find(long id) {
        return shop.query("SELECT * FROM run_report WHERE id = :id", Map.of("id", id), SentReports::map).stream().findFirst();
    }

    private static SentReport map(ResultSet rs, int i) throws SQLException {
        long runId = rs.getLong("run_id");
        return new SentReport(rs.getLong("id"), rs.wasNull() ? null : runId, rs.getString("kind"), rs.getString("verdict"),
                rs.getString("subject"), rs.getTimestamp("sent_at").toInstant(), rs.getString("html_body"), rs.getString("text_body"));
    }
}
