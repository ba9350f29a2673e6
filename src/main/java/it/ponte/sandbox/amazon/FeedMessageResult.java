package it.ponte.sandbox.amazon;

/**
 * The outcome of one feed message as the processing report states it; only messages with an error or a warning
 * get a {@code <Result>}, the others succeeded silently. The message codes are the sandbox's own.
 */
public record FeedMessageResult(int messageId, Code code, int messageCode, String description) {

    /** {@code ResultCode} of the report: Amazon writes {@code Error} or {@code Warning}. */
    public enum Code {
        ERROR("Error"), WARNING("Warning");

        private final String xml;

        Code(String xml) {
            this.xml = xml;
        }

        public String xml() {
            return xml;
        }
    }

    public static final int ORDER_NOT_FOUND = 90001;
    public static final int ITEM_NOT_IN_ORDER = 90002;
    public static final int INVALID_VALUE = 90003;
    public static final int WRONG_ORDER_STATE = 90004;
    public static final int ALREADY_REFUNDED = 90005;
    public static final int INJECTED_FAILURE = 90006;
    public static final int ALREADY_CANCELLED = 90010;
    public static final int FEED_UNREADABLE = 90099;

    public static FeedMessageResult error(int messageId, int messageCode, String description) {
        return new FeedMessageResult(messageId, Code.ERROR, messageCode, description);
    }

    public static FeedMessageResult warning(int messageId, int messageCode, String description) {
        return new FeedMessageResult(messageId, Code.WARNING, messageCode, description);
    }

    public boolean isError() {
        return code == Code.ERROR;
    }
}
