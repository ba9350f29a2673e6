package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * With many records owed, the list is paged through once instead of one look-up per e-mail. That is only a saving: a
 * page Mailchimp answers badly (cut short, not JSON) leaves each record to its own look-up, and the run goes on. (It
 * ended the whole run FAILED: found by the faults test at 2,000 orders.)
 */
class MailchimpListPageTest extends MailchimpSyncTestBase {

    @Test
    void aListPageAnsweredBadlyFallsBackToOneLookUpPerRecord() {
        int customers = properties.bulkMemberThreshold() + 5;
        for (int i = 0; i < customers; i++) {
            shop.customer("pagina" + i + "@example.it", false, true);
            sandbox.putMember("pagina" + i + "@example.it", "subscribed");
        }
        faults.unreadableAnswerOnce("GET /lists/" + sandbox.listId() + "/members");

        MailchimpReport report = sync("TOTAL");

        assertThat(sandbox.requests()).as("the page-through was tried and answered badly")
                .anyMatch(r -> r.startsWith("FAULT 200 GET /lists/" + sandbox.listId() + "/members"));
        assertThat(report.counts(MailchimpEntity.CUSTOMER).created()).isEqualTo(customers);
    }
}
