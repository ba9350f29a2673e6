package it.ponte.sandbox.mailchimp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Everything the simulated Mailchimp holds: e-commerce stores with their customers, products, orders and carts,
 * the members of the list, the abandoned-cart automation, and the calls it received (for a person or a test to
 * look at). Starts with the list and an abandoned-cart automation that is {@code sending}.
 */
@Profile("sandbox")
@Component
public class SandboxMailchimpState {

    /** One e-commerce store and what was written into it. */
    public static final class Store {
        final ObjectNode body;
        final Map<String, ObjectNode> customers = new ConcurrentSkipListMap<>();
        final Map<String, ObjectNode> products = new ConcurrentSkipListMap<>();
        final Map<String, ObjectNode> orders = new ConcurrentSkipListMap<>();
        final Map<String, ObjectNode> carts = new ConcurrentSkipListMap<>();
        /** What Mailchimp's automations fired for this store, oldest first: "order 12 pending", "abandoned-cart 5". */
        final List<String> notifications = new CopyOnWriteArrayList<>();
        /** Each value {@code is_syncing} took, oldest first, with the number of orders the store held then: "true@0". */
        final List<String> syncingChanges = new CopyOnWriteArrayList<>();

        Store(ObjectNode body) {
            this.body = body;
            if (body.has("is_syncing")) {
                syncingChanges.add(body.path("is_syncing").asBoolean() + "@0");
            }
        }

        /** While {@code is_syncing} is true Mailchimp holds the store's automations: no notification, no cart e-mail. */
        public boolean isSyncing() {
            return body.path("is_syncing").asBoolean(false);
        }

        /** What a crashed loader leaves behind: the flag set, and nobody to clear it. */
        public void syncing(boolean syncing) {
            body.put("is_syncing", syncing);
        }

        /** When Mailchimp created the store: what tells a store recreated under the same id from the one before. */
        public String createdAt() {
            return body.path("created_at").asText();
        }

        public List<String> notifications() {
            return new ArrayList<>(notifications);
        }

        public List<String> syncingChanges() {
            return new ArrayList<>(syncingChanges);
        }

        /** The administrator empties the store in Mailchimp (or it was deleted and recreated under the same id). */
        public void empty() {
            customers.clear();
            products.clear();
            orders.clear();
            carts.clear();
        }

        public Optional<ObjectNode> order(String id) {
            return Optional.ofNullable(orders.get(id));
        }

        public Optional<ObjectNode> cart(String id) {
            return Optional.ofNullable(carts.get(id));
        }

        public Optional<ObjectNode> customer(String id) {
            return Optional.ofNullable(customers.get(id));
        }

        public Optional<ObjectNode> product(String id) {
            return Optional.ofNullable(products.get(id));
        }

        public int orderCount() {
            return orders.size();
        }

        public int cartCount() {
            return carts.size();
        }

        /** What an administrator deleting a product in Mailchimp's UI leaves behind. */
        public void removeProduct(String id) {
            products.remove(id);
        }
    }

    static final String ABANDONED_CART = "abandonedCart";
    /** The abandoned-cart e-mail built as a Customer Journey: active, and invisible to {@code GET /automations}. */
    public static final String JOURNEY = "journey";

    final ObjectMapper mapper = new ObjectMapper();
    final Map<String, Store> stores = new ConcurrentHashMap<>();
    /** list id -> lower-cased e-mail -> member */
    final Map<String, Map<String, ObjectNode>> lists = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final String listId;
    private volatile String abandonedCartStatus;
    private volatile boolean missingProductInErrors;
    /** Product ids whose writes the store refuses (400 Invalid Resource), as Mailchimp refuses a product it cannot take. */
    private final java.util.Set<String> refusedProducts = ConcurrentHashMap.newKeySet();

    public SandboxMailchimpState(@Value("${ponte.sandbox.mailchimp.list-id}") String listId) {
        this.listId = listId;
        reset();
    }

    /** Back to the state at sandbox start: no store, an empty list, the abandoned-cart automation sending. */
    public synchronized void reset() {
        stores.clear();
        lists.clear();
        lists.put(listId, new ConcurrentSkipListMap<>());
        requests.clear();
        abandonedCartStatus = "sending";
        missingProductInErrors = false;
        refusedProducts.clear();
    }

    public String listId() {
        return listId;
    }

    /** Adds (or changes) a member of the list, as someone subscribing through a form would. */
    public void putMember(String email, String status) {
        ObjectNode member = mapper.createObjectNode();
        String lower = email.trim().toLowerCase(Locale.ROOT);
        member.put("id", it.ponte.mailchimp.MailchimpJson.subscriberHash(lower));
        member.put("email_address", email.trim());
        member.put("status", status);
        member.put("list_id", listId);
        lists.get(listId).put(lower, member);
    }

    public Optional<String> memberStatus(String email) {
        return Optional.ofNullable(lists.get(listId).get(email.trim().toLowerCase(Locale.ROOT))).map(m -> m.path("status").asText());
    }

    /**
     * {@code sending}, {@code paused}, {@code save} (a classic automation), {@code journey} (a Customer Journey, active
     * but not listed by the API), or null for no abandoned-cart automation at all.
     */
    public void abandonedCartAutomation(String status) {
        abandonedCartStatus = status == null || status.isBlank() || "absent".equalsIgnoreCase(status) ? null : status;
    }

    /**
     * How a line naming a missing product is refused: false (the default) in {@code detail} (400 "Bad Request"), true
     * as a validation error (400 "Invalid Resource") that names it only in {@code errors[]}, as Mailchimp also does.
     */
    public void missingProductInErrors(boolean inErrors) {
        missingProductInErrors = inErrors;
    }

    boolean missingProductInErrors() {
        return missingProductInErrors;
    }

    String abandonedCartStatus() {
        return abandonedCartStatus;
    }

    /** The administrator deletes the store in Mailchimp: it and all it held are gone. False when there was none. */
    public boolean deleteStore(String id) {
        return stores.remove(id) != null;
    }

    /**
     * The store deleted and created again under the same id and list (by another integration, or by hand): empty, not
     * syncing, with a new {@code created_at}. False when there was none.
     */
    public synchronized boolean recreateStore(String id) {
        Store old = stores.get(id);
        if (old == null) {
            return false;
        }
        ObjectNode body = old.body.deepCopy();
        body.put("is_syncing", false);
        String created;
        do {
            created = java.time.OffsetDateTime.now().toString();
        } while (created.equals(old.body.path("created_at").asText()));
        body.put("created_at", created);
        stores.put(id, new Store(body));
        return true;
    }

    /** Whether the store refuses writes of this product from now on (true), or takes them again (false). */
    public void refuseProduct(String productId, boolean refused) {
        if (refused) {
            refusedProducts.add(productId);
        } else {
            refusedProducts.remove(productId);
        }
    }

    boolean refusesProduct(String productId) {
        return refusedProducts.contains(productId);
    }

    public Optional<Store> store(String id) {
        return Optional.ofNullable(stores.get(id));
    }

    void received(String call) {
        requests.add(call);
    }

    /** A store created in Mailchimp by someone else (another plugin, an earlier setup), linked to {@code storeListId}. */
    public void putStore(String id, String storeListId) {
        lists.computeIfAbsent(storeListId, l -> new ConcurrentSkipListMap<>());
        ObjectNode body = mapper.createObjectNode();
        body.put("id", id);
        body.put("list_id", storeListId);
        body.put("name", id);
        body.put("currency_code", "EUR");
        stores.put(id, new Store(body));
    }

    /** The list is deleted from the account (or the configured list id was never one of its lists). */
    public void removeList(String id) {
        lists.remove(id);
    }

    private final java.util.concurrent.atomic.AtomicInteger peakConcurrent = new java.util.concurrent.atomic.AtomicInteger();

    /** The gate saw this many calls in flight at once (the benchmark reads the peak). */
    void inFlight(int calls) {
        peakConcurrent.accumulateAndGet(calls, Math::max);
    }

    /** The most calls in flight at once since the last {@link #resetPeakConcurrent}, refused ones included. */
    public int peakConcurrent() {
        return peakConcurrent.get();
    }

    public void resetPeakConcurrent() {
        peakConcurrent.set(0);
    }

    /** The calls received, as "METHOD /path", oldest first. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }
}
