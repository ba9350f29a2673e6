package it.ponte.sandbox.amazon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Processes a feed's XML as Amazon does, message by message: each one is applied or refused on its own, so a DONE
 * feed can hold refused messages. A feed that cannot be read at all, or whose MessageType does not fit its feed
 * type, ends FATAL with a report that says why.
 */
@Component
@Profile("sandbox")
class FeedProcessor {

    /** The MessageType each feed type the sandbox accepts must carry. */
    static final Map<String, String> MESSAGE_TYPES = Map.of(
            "POST_ORDER_ACKNOWLEDGEMENT_DATA", "OrderAcknowledgement",
            "POST_PAYMENT_ADJUSTMENT_DATA", "OrderAdjustment");

    /** What processing produced: the final status, how many messages were read, the results and the report. */
    record Outcome(FeedProcessingStatus status, int messagesProcessed, List<FeedMessageResult> results, String report) {
    }

    private final Map<String, FeedMessageRule> rules;
    private final FeedSwitches switches;

    FeedProcessor(List<FeedMessageRule> rules, FeedSwitches switches) {
        this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(FeedMessageRule::messageType, Function.identity()));
        this.switches = switches;
    }

    /** Synchronized: messages of concurrent feeds must see each other's effects, as "already refunded" relies on. */
    synchronized Outcome process(SandboxFeed feed, byte[] xml) {
        FeedEnvelope envelope;
        try {
            envelope = FeedXmlReader.read(xml);
            String expected = MESSAGE_TYPES.get(feed.feedType());
            if (!envelope.messageType().equals(expected)) {
                throw new FatalFeedException("MessageType " + envelope.messageType() + " does not fit feed type " + feed.feedType()
                        + ", which takes " + expected + ".");
            }
        } catch (FatalFeedException e) {
            return fatal(feed, e.getMessage());
        }
        FeedMessageRule rule = rules.get(envelope.messageType());
        FeedMessageRule.Feed context = new FeedMessageRule.Feed(feed.sellerId(), feed.feedId());
        List<FeedMessageResult> results = new ArrayList<>();
        for (FeedEnvelope.Message message : envelope.messages()) {
            injectedFailure(message).or(() -> rule.apply(context, message)).ifPresent(results::add);
        }
        int processed = envelope.messages().size();
        return new Outcome(FeedProcessingStatus.DONE, processed, results,
                ProcessingReportWriter.write(feed.sellerId(), feed.feedId(), processed, results));
    }

    /** A feed the FATAL switch picked: nothing in it is applied. */
    Outcome fatal(SandboxFeed feed, String why) {
        List<FeedMessageResult> results = List.of(FeedMessageResult.error(0, FeedMessageResult.FEED_UNREADABLE, why));
        return new Outcome(FeedProcessingStatus.FATAL, 0, results, ProcessingReportWriter.write(feed.sellerId(), feed.feedId(), 0, results));
    }

    private Optional<FeedMessageResult> injectedFailure(FeedEnvelope.Message message) {
        return FeedXmlReader.text(message.body(), "AmazonOrderID")
                .flatMap(switches::takeMessageFailure)
                .map(description -> FeedMessageResult.error(message.messageId(), FeedMessageResult.INJECTED_FAILURE, description));
    }
}
