package it.ponte.sandbox.mailchimp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** List members (by subscriber hash, or paged) and classic automations of the simulated Mailchimp. */
@Profile("sandbox")
@RestController
class SandboxMailchimpListsController {

    private final SandboxMailchimpState state;
    private final SandboxMailchimpFaults faults;

    SandboxMailchimpListsController(SandboxMailchimpState state, SandboxMailchimpFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** The API root's health check: any valid key gets Mailchimp's answer. */
    @GetMapping("/sandbox/mailchimp/3.0/ping")
    ObjectNode ping() {
        ObjectNode answer = state.mapper.createObjectNode();
        answer.put("health_status", "Everything's Chimpy!");
        return answer;
    }

    @GetMapping("/sandbox/mailchimp/3.0/lists/{listId}")
    ObjectNode list(@PathVariable String listId) {
        Map<String, ObjectNode> members = members(listId);
        ObjectNode answer = state.mapper.createObjectNode();
        answer.put("id", listId);
        answer.put("name", "Clienti Ponte (sandbox)");
        answer.putObject("stats").put("member_count", members.size());
        return answer;
    }

    @GetMapping("/sandbox/mailchimp/3.0/lists/{listId}/members/{subscriberHash}")
    ObjectNode member(@PathVariable String listId, @PathVariable String subscriberHash) {
        return members(listId).values().stream()
                .filter(m -> m.path("id").asText().equals(subscriberHash))
                .findFirst().orElseThrow(SandboxMailchimpProblem::notFound);
    }

    @GetMapping("/sandbox/mailchimp/3.0/lists/{listId}/members")
    ObjectNode members(@PathVariable String listId, @RequestParam(defaultValue = "10") int count,
                       @RequestParam(defaultValue = "0") int offset) {
        Map<String, ObjectNode> members = members(listId);
        ObjectNode answer = state.mapper.createObjectNode();
        ArrayNode array = answer.putArray("members");
        // the switches: a page far larger than count, or the first page again whatever the offset
        int from = faults.membersOffsetIgnored() ? 0 : Math.max(0, offset);
        long limit = faults.membersCountIgnored() ? Long.MAX_VALUE : Math.min(Math.max(0, count), 1000);
        members.values().stream().skip(from).limit(limit).forEach(array::add);
        answer.put("list_id", listId);
        answer.put("total_items", members.size());
        return answer;
    }

    @GetMapping("/sandbox/mailchimp/3.0/automations")
    ObjectNode automations() {
        ObjectNode answer = state.mapper.createObjectNode();
        ArrayNode array = answer.putArray("automations");
        // a workflow of another kind, so that Ponte has to look at workflow_type rather than take the first one
        automation(array, "welcome01", "sending", "welcomeSeries");
        String cartStatus = state.abandonedCartStatus();
        // a Customer Journey (automation flow) sends the abandoned-cart e-mail but is not listed by the API
        if (cartStatus != null && !SandboxMailchimpState.JOURNEY.equals(cartStatus)) {
            automation(array, "abandoned01", cartStatus, SandboxMailchimpState.ABANDONED_CART);
        }
        answer.put("total_items", array.size());
        return answer;
    }

    private void automation(ArrayNode array, String id, String status, String workflowType) {
        ObjectNode a = array.addObject();
        a.put("id", id);
        a.put("status", status);
        ObjectNode recipients = a.putObject("recipients");
        recipients.put("list_id", state.listId());
        state.stores.keySet().stream().findFirst().ifPresent(store -> recipients.put("store_id", store));
        a.putObject("trigger_settings").put("workflow_type", workflowType);
        a.putObject("settings").put("title", workflowType);
    }

    private Map<String, ObjectNode> members(String listId) {
        Map<String, ObjectNode> members = state.lists.get(listId);
        if (members == null) {
            throw SandboxMailchimpProblem.notFound();
        }
        return members;
    }
}
