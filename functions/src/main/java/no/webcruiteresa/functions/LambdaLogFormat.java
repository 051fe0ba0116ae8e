package no.webcruiteresa.functions;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Console log lines as JSON ({@link JsonLogLine}) where Lambda runs the functions with its JSON log format
 * ({@code LoggingConfig: LogFormat: JSON} in the template sets {@code AWS_LAMBDA_LOG_FORMAT=JSON}); plain text
 * elsewhere (local runs, tests). An explicit {@code logging.structured.format.console} wins either way.
 */
public class LambdaLogFormat implements EnvironmentPostProcessor {
    static final String LAMBDA_LOG_FORMAT = "AWS_LAMBDA_LOG_FORMAT";
    static final String CONSOLE_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getAllSources().contains(WebcruiterEsaApplication.class)
                && "JSON".equalsIgnoreCase(environment.getProperty(LAMBDA_LOG_FORMAT, ""))
                && !environment.containsProperty(CONSOLE_FORMAT)) {
            environment.getPropertySources().addLast(new MapPropertySource("lambdaLogFormat",
                    Map.of(CONSOLE_FORMAT, JsonLogLine.class.getName())));
        }
    }
}
