package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLogLineTest {
    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void shouldWriteOneJsonObjectPerLine_withLambdasFieldsAndTheCorrelationFields() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        try (Correlation ignored = Correlation.message("archiveDocument", "2e1cd3d2-9f48")) {
            Correlation.key("240117/WC201-240117-1001/WC201-240117-1001.xml");
            Correlation.outcome("archived");
            LoggingEvent event = new LoggingEvent(JsonLogLineTest.class.getName(), context.getLogger("no.webcruiteresa.x"),
                    Level.WARN, "two\nlines \"quoted\" {}", new IllegalStateException("boom"), new Object[] {"arg"});

            String line = new JsonLogLine().format(event);

            assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(Instant.parse(json.path("timestamp").asString())).isNotNull();
            assertThat(json.path("level").asString()).isEqualTo("WARN");
            assertThat(json.path("logger").asString()).isEqualTo("no.webcruiteresa.x");
            assertThat(json.path("message").asString()).isEqualTo("two\nlines \"quoted\" arg");
            assertThat(json.path("function").asString()).isEqualTo("archiveDocument");
            assertThat(json.path("messageId").asString()).isEqualTo("2e1cd3d2-9f48");
            assertThat(json.path("caseNumber").asString()).isEqualTo("240117");
            assertThat(json.path("documentId").asString()).isEqualTo("WC201-240117-1001");
            assertThat(json.path("outcome").asString()).isEqualTo("archived");
            assertThat(json.path("exception").asString()).contains("IllegalStateException: boom");
        }
        assertThat(MDC.getCopyOfContextMap()).as("the fields end with the message").isNullOrEmpty();
    }

    @Test
    void shouldLogJsonOnlyWhereLambdaAsksForIt() {
        SpringApplication application = new SpringApplication(WebcruiterEsaApplication.class);
        StandardEnvironment lambda = environment(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
        StandardEnvironment text = environment(Map.of("AWS_LAMBDA_LOG_FORMAT", "Text"));
        StandardEnvironment local = environment(Map.of());

        for (StandardEnvironment environment : new StandardEnvironment[] {lambda, text, local}) {
            new LambdaLogFormat().postProcessEnvironment(environment, application);
        }

        assertThat(lambda.getProperty("logging.structured.format.console")).isEqualTo(JsonLogLine.class.getName());
        assertThat(text.getProperty("logging.structured.format.console")).isNull();
        assertThat(local.getProperty("logging.structured.format.console")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}
