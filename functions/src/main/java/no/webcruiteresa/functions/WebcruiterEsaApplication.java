package no.webcruiteresa.functions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one application behind every function; SPRING_CLOUD_FUNCTION_DEFINITION picks the bean a Lambda runs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebcruiterEsaApplication {
    public static void main(String[] args) {
        SpringApplication.run(WebcruiterEsaApplication.class, args);
    }
}
