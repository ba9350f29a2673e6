package it.ponte.sandbox.amazon;

/**
 * The business behind an Amazon Business / Invoicing-by-Amazon order. Amazon.it shows every such buyer with one shared
 * name and e-mail ({@link #SHARED_NAME}, {@link #SHARED_EMAIL}); only the company and its VAT number tell them apart,
 * and either may be missing.
 */
public record SandboxBusinessBuyer(String companyName, String vatNumber) {

    public static final String SHARED_NAME = "Amazon Business EU SARL";
    public static final String SHARED_EMAIL = "no-reply-amazon-iba-buyer@marketplace.amazon.it";
}
