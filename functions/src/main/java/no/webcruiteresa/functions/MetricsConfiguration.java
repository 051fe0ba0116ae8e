package no.webcruiteresa.functions;

import no.webcruiteresa.adapter.metrics.EmfMetrics;
import no.webcruiteresa.application.port.Metrics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The metrics every function records, in CloudWatch's embedded metric format (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
@Lazy
public class MetricsConfiguration {

    /**
     * @param namespace    the CloudWatch namespace
     * @param sink         auto (standard output in Lambda, else the log at DEBUG), stdout, log or off
     * @param functionName the FunctionName dimension; blank (outside Lambda) uses the function's bean name
     */
    @ConfigurationProperties("webcruiter-esa.metrics")
    public record MetricsProperties(String namespace, String sink, String functionName) {
    }

    @Bean
    Metrics metrics(MetricsProperties properties) {
        boolean inLambda = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
        return EmfMetrics.create(properties.namespace(), properties.functionName(),
                EmfMetrics.Sink.of(properties.sink(), inLambda));
    }
}
