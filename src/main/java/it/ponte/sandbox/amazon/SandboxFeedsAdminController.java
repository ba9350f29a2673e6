package it.ponte.sandbox.amazon;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin REST of the simulated Amazon's feeds, outside the SP-API paths: what was submitted (XML, results, report)
 * and the switches that make feeds wait, fail FATAL, compress their reports or refuse one order's message.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/amazon/feeds")
public class SandboxFeedsAdminController {

    private final SandboxFeeds feeds;

    public SandboxFeedsAdminController(SandboxFeeds feeds) {
        this.feeds = feeds;
    }

    public record MessageFailure(String amazonOrderId, String description) {
    }

    public record FatalFeeds(int count) {
    }

    public record SwitchesView(FeedSwitches.Settings settings, int fatalFeeds, Map<String, List<String>> messageFailures) {
    }

    @GetMapping
    public List<SandboxFeed> list() {
        return feeds.feeds();
    }

    @GetMapping("/{feedId}")
    public ResponseEntity<SandboxFeed> feed(@PathVariable String feedId) {
        return feeds.feed(feedId).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @DeleteMapping
    public ResponseEntity<Void> clear() {
        feeds.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/switches")
    public SwitchesView switches() {
        FeedSwitches s = feeds.switches();
        return new SwitchesView(s.settings(), s.fatalFeedsPending(), s.pendingMessageFailures());
    }

    /** {@code {"queuedPolls": -1}} keeps new feeds IN_QUEUE until released; {@code {"gzipReports": true}} compresses reports. */
    @PutMapping("/switches/settings")
    public SwitchesView configure(@RequestBody FeedSwitches.Settings settings) {
        feeds.switches().configure(settings);
        return switches();
    }

    @PostMapping("/switches/fatal")
    public SwitchesView fatal(@RequestBody FatalFeeds request) {
        feeds.switches().failNextFeeds(request.count());
        return switches();
    }

    @PostMapping("/switches/message-failures")
    public SwitchesView failMessage(@RequestBody MessageFailure failure) {
        feeds.switches().failNextMessage(failure.amazonOrderId(), failure.description());
        return switches();
    }

    @DeleteMapping("/switches")
    public SwitchesView clearSwitches() {
        feeds.switches().clear();
        return switches();
    }

    /** Feeds held IN_QUEUE are processed at their next getFeed. */
    @PostMapping("/release")
    public ResponseEntity<Void> release() {
        feeds.releaseHeldFeeds();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
