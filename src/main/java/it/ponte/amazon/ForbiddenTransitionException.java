package it.ponte.amazon;

/** A move the Amazon order state machine does not allow, e.g. shipping a cancelled order. */
public class ForbiddenTransitionException extends RuntimeException {

    public ForbiddenTransitionException(String amazonOrderId, AmazonOrderState from, AmazonOrderState to) {
        super("L'ordine Amazon " + amazonOrderId + " è nello stato " + from + " e non può passare a " + to
                + (from.allowedNext().isEmpty() ? " (stato finale)." : " (ammessi: " + from.allowedNext() + ")."));
    }
}
