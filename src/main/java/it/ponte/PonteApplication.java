package it.ponte;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PonteApplication {

    public static void main(String[] args) {
        SpringApplication.run(PonteApplication.class, args);
    }
}
