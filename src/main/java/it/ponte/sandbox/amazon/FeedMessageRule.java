package it.ponte.sandbox.amazon;

import java.util.Optional;

/** What Amazon does with one message of a given type: check it against the seller's orders and, if it passes, apply it. */
interface FeedMessageRule {

    /** The {@code MessageType} this rule reads, e.g. {@code OrderAcknowledgement}. */
    String messageType();

    /** Empty when the message succeeded (and was applied); otherwise its Error or Warning result. */
    Optional<FeedMessageResult> apply(Feed feed, FeedEnvelope.Message message);

    /** The feed a message belongs to: whose it is and which one, for what is recorded. */
    record Feed(String sellerId, String feedId) {
    }

    /** A refusal of the message being checked, carried out of nested checks to {@link #apply}. */
    final class Refusal extends RuntimeException {

        private final int messageCode;

        Refusal(int messageCode, String description) {
            super(description, null, false, false);
            this.messageCode = messageCode;
        }

        FeedMessageResult toResult(int messageId) {
            return FeedMessageResult.error(messageId, messageCode, getMessage());
        }
    }
}
