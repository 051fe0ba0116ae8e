package no.webcruiteresa.functions;

import org.springframework.boot.Banner;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Functions never serve HTTP and print no banner. In a JVM that also holds a web server on its classpath (the embedded local
 * stack runs S3Mock beside them), Boot would otherwise start one for the functions too. Scoped to this
 * application so the emulators sharing the JVM keep theirs.
 */
public class NoWebServer implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getAllSources().contains(WebcruiterEsaApplication.class)) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setBannerMode(Banner.Mode.OFF);
        }
    }
}
