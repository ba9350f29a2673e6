package it.ponte.mailchimp;

/** What a Mailchimp run covers: everything its sync mode asks for, or one manual sync (customers, products, order history). */
public enum MailchimpScope {
    ALL, CUSTOMERS, PRODUCTS, ORDERS
}
