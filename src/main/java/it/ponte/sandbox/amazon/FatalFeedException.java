package it.ponte.sandbox.amazon;

/** A feed Amazon cannot process at all (unreadable XML, no header, wrong message type): it ends FATAL. */
class FatalFeedException extends RuntimeException {

    FatalFeedException(String message) {
        super(message);
    }
}
