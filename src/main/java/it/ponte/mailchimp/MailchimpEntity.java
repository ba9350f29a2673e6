package it.ponte.mailchimp;

/** What Ponte writes to the Mailchimp store, in the order it must be written (products before orders and carts). */
public enum MailchimpEntity {
    CUSTOMER("Clienti", "Customers"),
    PRODUCT("Articoli", "Products"),
    ORDER("Ordini", "Orders"),
    CART("Carrelli abbandonati", "Abandoned carts");

    private final String italian;
    private final String english;

    MailchimpEntity(String italian, String english) {
        this.italian = italian;
        this.english = english;
    }

    public String label(String language) {
        return "en".equalsIgnoreCase(language) ? english : italian;
    }
}
