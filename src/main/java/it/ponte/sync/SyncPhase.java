package it.ponte.sync;

import java.util.Optional;

/** The phases of a run, in order, each the route the {@code sync-run} route sends the run to. */
public enum SyncPhase {
    AMAZON_POLL("amazon-import"),
    ERP_INSERT("erp-insert"),
    STATE_DIFF("state-diff"),
    AMAZON_OUTBOUND("amazon-outbound"),
    MAILCHIMP("mailchimp-sync"),
    REPORT("report");

    private final String endpoint;

    SyncPhase(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The direct: endpoint of the phase's route. */
    public String endpoint() {
        return endpoint;
    }

    /** The phase a direct: endpoint URI ("direct://erp-insert", "direct:erp-insert") belongs to. */
    public static Optional<SyncPhase> ofEndpoint(String uri) {
        if (uri == null || !uri.startsWith("direct:")) {
            return Optional.empty();
        }
        String name = uri.substring("direct:".length()).replaceFirst("^//", "");
        int query = name.indexOf('?');
        String bare = query < 0 ? name : name.substring(0, query);
        for (SyncPhase phase : values()) {
            if (phase.endpoint.equals(bare)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
