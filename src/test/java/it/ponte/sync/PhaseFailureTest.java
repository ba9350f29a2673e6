package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, failure policy: a phase that breaks off does not end the run. The ERP's change log is taken away for
 * real (the accountant's database lost a table), so the state diff cannot read it: the run still tells Amazon,
 * writes to Mailchimp, reports, and ends PARTIAL with the phase and the reason; once the table is back the next run is fine.
 */
class PhaseFailureTest extends SyncTestBase {

    @AfterEach
    void putTheChangeLogBack() {
        if (tableExists("erp_change_broken")) {
            erpJdbc.getJdbcTemplate().execute("RENAME TABLE erp_change_broken TO erp_change");
        }
    }

    @Test
    void aPhaseThatBreaksOffLeavesTheRunPartialAndTheLaterPhasesStillRun() {
        erpJdbc.getJdbcTemplate().execute("RENAME TABLE erp_change TO erp_change_broken");

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(run.errors()).anySatisfy(e -> assertThat(e).contains("STATE_DIFF").contains("erp_change"));
        // the phases after the broken one still ran
        assertThat(run.counts()).containsKeys("phase.STATE_DIFF.ms", "phase.AMAZON_OUTBOUND.ms", "phase.MAILCHIMP.ms", "phase.REPORT.ms");
        assertThat(run.phase()).isEqualTo("DONE");

        erpJdbc.getJdbcTemplate().execute("RENAME TABLE erp_change_broken TO erp_change");
        assertThat(sync.run(SyncMode.CHANGED).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    }

    private boolean tableExists(String name) {
        Integer n = erpJdbc.getJdbcTemplate().queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", Integer.class, name);
        return n != null && n > 0;
    }
}
