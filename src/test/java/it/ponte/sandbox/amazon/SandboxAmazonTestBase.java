package it.ponte.sandbox.amazon;

import it.ponte.PonteIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests that talk to the sandbox Amazon over HTTP: a fresh simulator and the main seller's token for each test. */
public abstract class SandboxAmazonTestBase extends PonteIntegrationTest {

    @Autowired
    protected AmazonSandbox amazon;

    protected SandboxAmazonHttp http;
    protected String token;

    @BeforeEach
    void freshSandbox() {
        amazon.reset();
        http = new SandboxAmazonHttp(baseUrl());
        token = http.mainToken();
    }

    @AfterEach
    void sandboxBack() {
        amazon.reset();
    }
}
