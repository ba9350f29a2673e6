package it.ponte.report;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.springframework.stereotype.Component;

/**
 * The step of the report routes that puts a mail's attachment on the message the smtp endpoint sends (camel-mail makes
 * it a part of the mail beside the HTML and its text alternative).
 */
@Component("reportAttachments")
public class ReportAttachments {

    /** The attachment of the report being sent (exchange property reportMail), if it has one. */
    public void attach(Exchange exchange) {
        ReportMail mail = exchange.getProperty("reportMail", ReportMail.class);
        if (mail != null && mail.attachment() != null) {
            add(exchange, mail.attachment());
        }
    }

    /** The attachment kept with a mail the server did not take (body: an UnsentReports.Unsent), if it has one. */
    public void attachUnsent(Exchange exchange) {
        UnsentReports.Unsent unsent = exchange.getProperty("unsent", UnsentReports.Unsent.class);
        if (unsent != null && unsent.attachment() != null) {
            add(exchange, unsent.attachment());
        }
    }

    private static void add(Exchange exchange, ReportAttachment attachment) {
        byte[] bytes = attachment.csv().getBytes(StandardCharsets.UTF_8);
        exchange.getMessage(AttachmentMessage.class).addAttachment(attachment.fileName(), new DataHandler(new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException("a report attachment is read only");
            }

            @Override
            public String getContentType() {
                return "text/csv; charset=UTF-8";
            }

            @Override
            public String getName() {
                return attachment.fileName();
            }
        }));
    }
}
