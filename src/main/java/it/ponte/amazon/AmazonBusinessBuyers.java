package it.ponte.amazon;

import it.ponte.amazon.model.AmazonOrder;
import it.ponte.shop.AddressMatchKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Recognises Amazon Business / Invoicing-by-Amazon orders. On amazon.it their buyers all share one name and one
 * e-mail ("Amazon Business EU SARL", {@code no-reply-amazon-iba-buyer@marketplace.amazon.it}): linking by e-mail would
 * fold every business into one customer. Such a buyer is identified by its VAT number, else its company, else the
 * recipient the goods go to.
 */
@Component
public class AmazonBusinessBuyers {

    private final AmazonProperties.BusinessBuyers settings;

    public AmazonBusinessBuyers(AmazonProperties properties) {
        this.settings = properties.businessBuyers();
    }

    /** Who the business buyer of this order is; empty for a consumer's order (linked by e-mail as before). */
    public Optional<BusinessBuyer> identify(AmazonOrder order) {
        boolean byProgram = order.programsOrEmpty().stream().anyMatch(settings.programs()::contains);
        boolean bySharedEmail = order.buyerEmail().map(e -> settings.sharedEmails().stream().anyMatch(e.trim()::equalsIgnoreCase))
                .orElse(false);
        if (!byProgram && !bySharedEmail) {
            return Optional.empty();
        }
        Optional<String> vat = order.buyerVatNumber().map(AmazonBusinessBuyers::normaliseVat).filter(v -> !v.isEmpty());
        Optional<AmazonOrder.Address> shipTo = order.shipTo();
        Optional<String> company = order.buyerCompanyName()
                .or(() -> registeredName(order))
                .or(() -> shipTo.map(AmazonOrder.Address::companyName).filter(c -> !c.isBlank()));
        String name = company.or(() -> shipTo.map(AmazonOrder.Address::name)).orElse(null);
        String key;
        if (vat.isPresent()) {
            key = "VAT:" + vat.get();
        } else if (company.isPresent()) {
            key = "COMPANY:" + digestIfLong(company.get().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        } else if (shipTo.isPresent()) {
            AmazonOrder.Address a = shipTo.get();
            key = "RECIPIENT:" + digestIfLong(AddressMatchKey.of(a.name(), a.addressLine1(), a.postalCode(), a.city(), a.countryCode()));
        } else {
            return Optional.empty();
        }
        return Optional.of(new BusinessBuyer(key, name, vat.orElse(null)));
    }

    /** The customer key, the name to show (company, else recipient) and the VAT number if Amazon gave one. */
    public record BusinessBuyer(String key, String name, String vatNumber) {
    }

    private static Optional<String> registeredName(AmazonOrder order) {
        if (order.tax() == null || order.tax().taxRegistrations() == null) {
            return Optional.empty();
        }
        return order.tax().taxRegistrations().stream().filter(r -> r.entityType() == null || "BUYER".equals(r.entityType()))
                .map(AmazonOrder.TaxRegistration::legalName).filter(n -> n != null && !n.isBlank()).findFirst();
    }

    static String normaliseVat(String vat) {
        return vat.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
    }

    /** Keys fit the 191 characters of a unique index: a long one is replaced by its SHA-256. */
    private static String digestIfLong(String value) {
        if (value.length() <= 150) {
            return value;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
