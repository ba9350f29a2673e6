package it.ponte;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PonteApplication {

    public static void main(String[] args) {
        // Timestamps are stored and compared in UTC; merchant-facing dates are formatted for Europe/Rome.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        SpringApplication.run(PonteApplication.class, args);
    }
}
