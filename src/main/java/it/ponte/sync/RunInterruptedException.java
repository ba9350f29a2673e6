package it.ponte.sync;

/** The run was asked to stop (Ponte is stopping): its remaining phases are skipped; the next run does their work. */
public class RunInterruptedException extends RuntimeException {

    public RunInterruptedException(String reason) {
        super(reason, null, false, false);
    }
}
