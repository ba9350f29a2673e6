package it.ponte.sync;

import it.ponte.remote.RecordFailure;
import it.ponte.remote.RecordFailureSink;
import org.springframework.stereotype.Component;

/**
 * The sink of the {@code state-diff-apply} route: an ERP document whose change could not be applied to its shop order
 * is noted in the run with the reason and read again by the next run, whatever the change log says.
 */
@Component("stateDiffFailures")
public class StateDiffFailures implements RecordFailureSink {

    @Override
    public String recordFailed(RecordFailure failure) {
        if (failure.record() instanceof StateDiff.DocumentChange change) {
            change.rereadNextRun().add(change.documentId());
            String order = change.order().amazonOrderId() != null ? "Ordine Amazon " + change.order().amazonOrderId()
                    : "Ordine #" + change.order().id();
            return order + " (documento " + change.documentNumber() + "): il cambiamento del gestionale non è stato applicato ("
                    + failure.step() + "): " + failure.reason() + ". Sarà riletto alla prossima sincronizzazione.";
        }
        return "Confronto col gestionale (" + failure.step() + "): " + failure.reason();
    }
}
