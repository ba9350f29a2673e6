package it.ponte.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The Feeds API 2021-06-30 of the simulated SP-API: the four operations a feed's round trip needs. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/amazon/sp-api/feeds/2021-06-30")
public class SpApiFeedsController {

    private final SpApiGate gate;
    private final SandboxFeeds feeds;

    public SpApiFeedsController(SpApiGate gate, SandboxFeeds feeds) {
        this.gate = gate;
        this.feeds = feeds;
    }

    @PostMapping("/documents")
    public ResponseEntity<Object> createFeedDocument(@RequestBody(required = false) String body, HttpServletRequest request) {
        return gate.call(request, OperationQuotas.CREATE_FEED_DOCUMENT, 201,
                seller -> feeds.createFeedDocument(seller, body, baseUrl(request)));
    }

    @PostMapping("/feeds")
    public ResponseEntity<Object> createFeed(@RequestBody(required = false) String body, HttpServletRequest request) {
        return gate.call(request, OperationQuotas.CREATE_FEED, 202, seller -> feeds.createFeed(seller, body));
    }

    /** getFeeds: the seller's feeds of the given types, created since the instant when given, newest first. */
    @GetMapping("/feeds")
    public ResponseEntity<Object> getFeeds(@org.springframework.web.bind.annotation.RequestParam(required = false) String feedTypes,
                                           @org.springframework.web.bind.annotation.RequestParam(required = false) String createdSince,
                                           HttpServletRequest request) {
        return gate.call(request, OperationQuotas.GET_FEEDS, seller -> feeds.getFeeds(seller, feedTypes, createdSince));
    }

    @GetMapping("/feeds/{feedId}")
    public ResponseEntity<Object> getFeed(@PathVariable String feedId, HttpServletRequest request) {
        return gate.call(request, OperationQuotas.GET_FEED, seller -> feeds.getFeed(seller, feedId));
    }

    @GetMapping("/documents/{feedDocumentId}")
    public ResponseEntity<Object> getFeedDocument(@PathVariable String feedDocumentId, HttpServletRequest request) {
        return gate.call(request, OperationQuotas.GET_FEED_DOCUMENT, seller -> feeds.getFeedDocument(seller, feedDocumentId, baseUrl(request)));
    }

    /** The presigned URLs point back at the host the client called, whatever address it used. */
    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
