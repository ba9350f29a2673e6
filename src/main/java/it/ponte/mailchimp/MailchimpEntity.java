package it.ponte.mailchimp;

/**
 * What Ponte writes to the Mailchimp store, in the order it must be written (products before orders and carts); the
 * merchant's names for them are in the message bundles ({@code mailchimp.entity.*}).
 */
public enum MailchimpEntity {
    CUSTOMER,
    PRODUCT,
    ORDER,
    CART
}
