package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.ResponsibleUnit;
import no.webcruiteresa.domain.RoutingTable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The routing table and the lifecycle settings as application.yml and a Lambda's environment give them. */
class RoutingPropertiesTest {
    private static final Posting SCHOOL_LEADER = new Posting("240117", "Rektor", "Byåsen skole",
            LocalDate.of(2026, 12, 1), "Leder");

    @Test
    void shouldKeepEveryCaseInTheSeedsHoldingUnit_byDefault() throws IOException {
        WebcruiterEsaProperties properties = bind(Map.of());

        assertThat(properties.routingTable().size()).isZero();
        assertThat(properties.routingTable().route(SCHOOL_LEADER)).isEqualTo(
                new RoutingTable.Route(new ResponsibleUnit("WS.1000", "WSANS", "WS1000"), false));
        assertThat(properties.caseNotices().topicArn()).isEmpty();
        assertThat(properties.caseLifecycle().finishedStatus()).isEqualTo("A");
    }

    @Test
    void shouldReadTheTableFromIndexedEnvironmentVariables() throws IOException {
        WebcruiterEsaProperties properties = bind(Map.of(
                "WEBCRUITERESA_ROUTING_0_ORGANISATIONALUNIT", "Byåsen skole",
                "WEBCRUITERESA_ROUTING_0_ADMINISTRATIVEUNIT", "OF.2100",
                "WEBCRUITERESA_ROUTING_0_CASEHANDLER", "BYASEN",
                "WEBCRUITERESA_ROUTING_0_ACCESSGROUP", "OF2100",
                "WEBCRUITERESA_ROUTING_1_ORGANISATIONALUNIT", "Byåsen skole",
                "WEBCRUITERESA_ROUTING_1_POSITIONCATEGORY", "Leder",
                "WEBCRUITERESA_ROUTING_1_ADMINISTRATIVEUNIT", "OF.2000",
                "WEBCRUITERESA_ROUTING_1_CASEHANDLER", "OFLEDER",
                "WEBCRUITERESA_ROUTING_1_ACCESSGROUP", "OF2000"));

        assertThat(properties.routingTable().size()).isEqualTo(2);
        assertThat(properties.routingTable().route(SCHOOL_LEADER)).isEqualTo(
                new RoutingTable.Route(new ResponsibleUnit("OF.2000", "OFLEDER", "OF2000"), true));
    }

    @Test
    void shouldRefuseARowWithoutTheArchiveValues() throws IOException {
        WebcruiterEsaProperties properties = bind(Map.of(
                "WEBCRUITERESA_ROUTING_0_ORGANISATIONALUNIT", "Byåsen skole",
                "WEBCRUITERESA_ROUTING_0_ADMINISTRATIVEUNIT", "OF.2100"));

        assertThatThrownBy(properties::routingTable).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caseHandler");
    }

    static WebcruiterEsaProperties bind(Map<String, Object> environmentVariables) throws IOException {
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
