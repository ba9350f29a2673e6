package it.ponte.report;

import it.ponte.amazon.AmazonImportReport;
import it.ponte.amazon.HoldReason;
import it.ponte.amazon.ImportOutcome;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The notification mail of a run that imported Amazon orders (seed 002): per order the Amazon id and date,
 * marketplace, customer, total and ERP document; then the orders held or failed, and why.
 */
@Component("amazonImportMail")
public class AmazonImportMail {

    private static final Logger log = LoggerFactory.getLogger(AmazonImportMail.class);
    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    private static final Map<String, String> MARKETPLACES = Map.of(
            "APJ6JRA9NG5V4", "Amazon.it", "A1PA6795UKMFR9", "Amazon.de", "A13V1IB3VIYZZH", "Amazon.fr",
            "A1RKKUPIHCS9HS", "Amazon.es", "A1F83G8C2ARO7P", "Amazon.co.uk");

    private final JavaMailSender mail;
    private final ReportProperties properties;
    private final ShopOrderRepository orders;

    public AmazonImportMail(JavaMailSender mail, ReportProperties properties, ShopOrderRepository orders) {
        this.mail = mail;
        this.properties = properties;
        this.orders = orders;
    }

    public void send(@ExchangeProperty("amazonImportReport") AmazonImportReport report) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(properties.to());
        message.setSubject(subject(report));
        message.setText(body(report));
        try {
            mail.send(message);
        } catch (RuntimeException e) {
            // The import itself succeeded; a mail server outage must not undo or fail it.
            log.warn("Could not send the Amazon import mail: {}", e.getMessage());
        }
    }

    String subject(AmazonImportReport report) {
        int imported = report.outcomes(ImportOutcome.Kind.IMPORTED).size();
        return properties.english()
                ? "Ponte – Amazon orders imported: " + imported
                : "Ponte – ordini Amazon importati: " + imported;
    }

    String body(AmazonImportReport report) {
        boolean en = properties.english();
        Locale locale = en ? Locale.UK : Locale.ITALY;
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", locale).withZone(ITALY);
        StringBuilder text = new StringBuilder();
        List<ImportOutcome> imported = report.outcomes(ImportOutcome.Kind.IMPORTED);
        text.append(en ? "Orders imported from Amazon: " : "Ordini importati da Amazon: ").append(imported.size()).append("\n\n");
        for (ImportOutcome o : imported) {
            ShopOrder order = o.shopOrderId() == null ? null : orders.find(o.shopOrderId()).orElse(null);
            String document = order != null && order.erpDocumentNumber() != null ? order.erpDocumentNumber()
                    : (en ? "to be inserted by the next sync" : "da inserire alla prossima sincronizzazione");
            text.append("- ").append(o.amazonOrderId())
                    .append(en ? " of " : " del ").append(format(dates, o.purchaseDate()))
                    .append(" | ").append(MARKETPLACES.getOrDefault(o.marketplaceId(), o.marketplaceId()))
                    .append(" | ").append(en ? "customer " : "cliente ").append(o.customer())
                    .append(o.customerCreated() ? (en ? " (new)" : " (nuovo)") : "")
                    .append(" | ").append(en ? "total " : "totale ").append(money(o.total(), o.currency(), locale))
                    .append(" | ").append(en ? "ERP document " : "documento gestionale ").append(document)
                    .append('\n');
        }
        List<ImportOutcome> held = report.outcomes(ImportOutcome.Kind.HELD);
        if (!held.isEmpty()) {
            text.append('\n').append(en ? "Orders waiting for data from Amazon (imported as soon as it arrives): "
                    : "Ordini in attesa di dati da Amazon (saranno importati appena disponibili): ").append(held.size()).append('\n');
            for (ImportOutcome o : held) {
                text.append("- ").append(o.amazonOrderId()).append(en ? " of " : " del ").append(format(dates, o.purchaseDate()))
                        .append(": ").append(holdReason(o.holdReason(), en)).append('\n');
            }
        }
        List<ImportOutcome> failed = report.outcomes(ImportOutcome.Kind.FAILED);
        if (!failed.isEmpty()) {
            text.append('\n').append(en ? "Orders that could not be imported (retried next run): "
                    : "Ordini non importati (nuovo tentativo alla prossima sincronizzazione): ").append(failed.size()).append('\n');
            for (ImportOutcome o : failed) {
                text.append("- ").append(o.amazonOrderId()).append(": ").append(o.error()).append('\n');
            }
        }
        for (AmazonImportReport.AccountFailure f : report.accountFailures()) {
            text.append('\n').append(en ? "Account " : "Account ").append(f.accountId()).append(": ")
                    .append(f.configurationError()
                            ? (en ? "configuration error, check the credentials: " : "errore di configurazione, verificare le credenziali: ")
                            : (en ? "Amazon could not be read, retried next run: " : "Amazon non raggiungibile, nuovo tentativo alla prossima sincronizzazione: "))
                    .append(f.message()).append('\n');
        }
        return text.toString();
    }

    static String holdReason(HoldReason reason, boolean en) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case MISSING_EMAIL -> en ? "Amazon has not given the buyer's e-mail yet" : "Amazon non ha ancora fornito l'e-mail dell'acquirente";
            case MISSING_ADDRESS -> en ? "Amazon has not given the ship-to address yet" : "Amazon non ha ancora fornito l'indirizzo di spedizione";
            case MISSING_PRICES -> en ? "the order has no prices yet" : "l'ordine non ha ancora i prezzi";
            case NO_ITEMS -> en ? "the order has no items" : "l'ordine non ha articoli";
        };
    }

    private static String format(DateTimeFormatter f, Instant i) {
        return i == null ? "" : f.format(i);
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(2);
        nf.setMaximumFractionDigits(2);
        return nf.format(amount) + " " + (currency == null ? "EUR" : currency);
    }
}
