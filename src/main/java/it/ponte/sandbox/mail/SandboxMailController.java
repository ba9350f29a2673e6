package it.ponte.sandbox.mail;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the local SMTP server received, over REST. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/mail")
public class SandboxMailController {

    private final SandboxMailServer server;

    public SandboxMailController(SandboxMailServer server) {
        this.server = server;
    }

    @GetMapping
    public List<ReceivedMail> messages() {
        return server.messages();
    }

    @DeleteMapping
    public ResponseEntity<Void> purge() {
        server.purge();
        return ResponseEntity.noContent().build();
    }
}
