package it.ponte.mailchimp;

/**
 * What the routers decide on ({@code mailchimpVerdict} header): {@link #SEND}, or the reason why a record or the
 * whole cart phase is not sent. The merchant's words for each are in the message bundles ({@code mailchimp.verdict.*}).
 */
public enum MailchimpVerdict {
    SEND,
    NOT_IN_LIST,
    MEMBER_CLEANED,
    MEMBER_ARCHIVED,
    MEMBER_EXCLUDED,
    NO_EMAIL,
    UNREGISTERED,
    NO_ROWS,
    NOT_IN_ERP,
    NOT_FOUND,
    UNCHANGED,
    NOT_IN_MAILCHIMP,
    CARTS_DISABLED,
    UNIFIED_CART,
    NO_AUTOMATION,
    AUTOMATION_PAUSED,
    AUTOMATION_UNKNOWN,
    STORE_UNAVAILABLE,
    QUEUED,
    /** An order or cart naming a product whose write failed in this run: it waits, still owed, no attempt spent. */
    WAITING_FOR_PRODUCT;

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
