package it.ponte.sandbox.amazon;

import java.util.List;
import org.w3c.dom.Element;

/** An uploaded feed as Amazon reads it: the header's merchant, the message type and the numbered messages. */
record FeedEnvelope(String merchantIdentifier, String messageType, List<Message> messages) {

    FeedEnvelope {
        messages = List.copyOf(messages);
    }

    /** One {@code <Message>}: its number and the element named after the message type (e.g. {@code <OrderAdjustment>}). */
    record Message(int messageId, Element body) {
    }
}
