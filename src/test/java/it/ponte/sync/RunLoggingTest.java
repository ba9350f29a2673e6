package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The log lines of a run carry its id, also on the Mailchimp writers' threads; lines outside the run carry none. */
@ExtendWith(OutputCaptureExtension.class)
class RunLoggingTest extends SyncTestBase {

    @Test
    void aRunsLogLinesCarryItsId(CapturedOutput output) {
        fixtures.amazonOrder();

        SyncRun run = sync.run(SyncMode.CHANGED);

        String tag = "[run " + run.id() + "]";
        assertThat(Arrays.stream(output.getOut().split("\n")).filter(l -> l.contains("Opening ImportWindow"))).allMatch(l -> l.contains(tag))
                .isNotEmpty();
        assertThat(Arrays.stream(output.getOut().split("\n")).filter(l -> l.contains("Sync run " + run.id() + " started")))
                .noneMatch(l -> l.contains("[run "));
        // the parallel Mailchimp writers, on their own threads
        assertThat(Arrays.stream(output.getOut().split("\n")).filter(l -> l.contains("- Split]") && l.contains("MailchimpClient")))
                .isNotEmpty().allMatch(l -> l.contains(tag));
    }
}
