package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Period;
import java.util.Map;
import no.webcruiteresa.domain.TestDrops;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yml carries the seed's registration table as defaults, and each value can be overridden. */
class SeedDefaultsTest {
    @Test
    void shouldDefaultToTheSeedsRegistrationTable() throws IOException {
        WebcruiterEsaProperties properties = bind(Map.of());

        assertThat(properties.registrationSettings()).isEqualTo(TestDrops.seedSettings());
        assertThat(properties.retentionPolicy().retention()).isEqualTo(Period.ofMonths(12));
        assertThat(properties.noark5Settings(Map.of()).accessCodeName()).isEqualTo("Personalsaker");
        assertThat(properties.noark5Settings(Map.of()).retry().maxAttempts()).isEqualTo(4);
    }

    @Test
    void shouldLetAnEnvironmentOverrideAnyValue() throws IOException {
        WebcruiterEsaProperties properties = bind(Map.of("WEBCRUITERESA_REGISTRATION_CASEHANDLER", "HRPOST",
                "WEBCRUITERESA_RETENTION_PERIOD", "P6M"));

        assertThat(properties.registrationSettings().caseHandler()).isEqualTo("HRPOST");
        assertThat(properties.retentionPolicy().retention()).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void shouldRefuseAWaitThatOutlastsTheQueuesDeliveries() throws IOException {
        assertThat(bind(Map.of()).retryBudget().guaranteedSpan()).isGreaterThan(java.time.Duration.ofDays(5));

        WebcruiterEsaProperties tooFewDeliveries = bind(Map.of("WEBCRUITERESA_RETRY_MAXRECEIVECOUNT", "5"));

        org.assertj.core.api.Assertions.assertThatThrownBy(tooFewDeliveries::retryBudget)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("incomplete-deadline PT24H");
    }

    private static WebcruiterEsaProperties bind(Map<String, Object> environmentVariables) throws IOException {
        // Only the given variables and application.yml: the build machine's own environment must not leak in.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bind("webcruiter-esa", WebcruiterEsaProperties.class).get();
    }
}
