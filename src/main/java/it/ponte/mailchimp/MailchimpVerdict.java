package it.ponte.mailchimp;

/**
 * What the routers decide on ({@code mailchimpVerdict} header): {@link #SEND}, or the reason why a record or the
 * whole cart phase is not sent, in words the merchant reads in the report.
 */
public enum MailchimpVerdict {
    SEND("da inviare", "to be sent"),
    NOT_IN_LIST("l'indirizzo e-mail non è nella lista collegata allo store", "the e-mail address is not in the list linked to the store"),
    MEMBER_CLEANED("l'indirizzo e-mail è stato rimosso dalla lista (cleaned)", "the e-mail address was cleaned from the list"),
    MEMBER_ARCHIVED("il contatto è archiviato nella lista", "the contact is archived in the list"),
    MEMBER_EXCLUDED("lo stato del contatto nella lista non è tra quelli configurati", "the contact's status in the list is not among the configured ones"),
    NO_EMAIL("il cliente non ha un indirizzo e-mail", "the customer has no e-mail address"),
    UNREGISTERED("carrello di un utente non registrato", "cart of an unregistered user"),
    NO_ROWS("l'ordine o il carrello non ha righe", "the order or cart has no rows"),
    NOT_IN_ERP("l'ordine non è stato inserito nel gestionale", "the order was not inserted into the ERP"),
    NOT_FOUND("il record non esiste più nel sito", "the record no longer exists in the shop"),
    UNCHANGED("nessuna modifica dall'ultimo invio", "unchanged since the last write"),
    NOT_IN_MAILCHIMP("non presente su Mailchimp, nulla da eliminare", "not in Mailchimp, nothing to delete"),
    CARTS_DISABLED("invio dei carrelli abbandonati non abilitato", "sending abandoned carts is not enabled"),
    UNIFIED_CART("gestione unificata del carrello attiva: i carrelli abbandonati non si possono recuperare",
            "unified cart mode is on: abandoned carts cannot be recovered"),
    NO_AUTOMATION("non verificabile: nessuna automazione carrelli abbandonati classica trovata (un Customer Journey non è leggibile dall'API); se è attiva, dichiararla con ponte.mailchimp.abandoned-carts.declared-active",
            "not verifiable: no classic abandoned-cart automation found (a Customer Journey cannot be read through the API); if it is active, declare it with ponte.mailchimp.abandoned-carts.declared-active"),
    AUTOMATION_PAUSED("l'automazione carrelli abbandonati non è attiva (in pausa o in bozza)", "the abandoned-cart automation is not active (paused or draft)"),
    AUTOMATION_UNKNOWN("impossibile verificare l'automazione carrelli abbandonati: Mailchimp non risponde",
            "cannot check the abandoned-cart automation: Mailchimp does not answer"),
    STORE_UNAVAILABLE("store Mailchimp non raggiungibile o non utilizzabile: nulla è stato inviato",
            "Mailchimp store unreachable or unusable: nothing was sent"),
    QUEUED("in coda: partono con la prima sincronizzazione che può inviarli",
            "queued: they go with the first sync that can send them");

    private final String italian;
    private final String english;

    MailchimpVerdict(String italian, String english) {
        this.italian = italian;
        this.english = english;
    }

    public String reason(String language) {
        return "en".equalsIgnoreCase(language) ? english : italian;
    }

    /** The verdict of a list member's status: present statuses are configurable, anything else is skipped. */
    public static MailchimpVerdict ofMember(String status, MailchimpProperties properties) {
        if (status == null) {
            return NOT_IN_LIST;
        }
        if (properties.isPresent(status)) {
            return SEND;
        }
        return switch (status) {
            case "cleaned" -> MEMBER_CLEANED;
            case "archived" -> MEMBER_ARCHIVED;
            default -> MEMBER_EXCLUDED;
        };
    }
}
