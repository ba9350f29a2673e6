package it.ponte.remote;

import java.io.IOException;

/**
 * A remote's answer larger than Ponte reads ({@code ponte.remote.max-answer-size}): the reading stopped there, the
 * connection was dropped. Permanent in the failure policy: asking again would bring the same answer, and each try
 * would read as much again; the record (or the window, or the page) keeps the reason and waits for the next run.
 */
public class AnswerTooLargeException extends IOException {

    private final long limit;

    public AnswerTooLargeException(long limit, long declared) {
        super(describe(limit, declared));
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    private static String describe(long limit, long declared) {
        return "risposta troppo grande: " + (declared > 0 ? declared + " byte" : "oltre " + limit + " byte")
                + ", il limite è " + limit + " byte (ponte.remote.max-answer-size)";
    }
}
