package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchiveUnavailableException;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.SimulatorAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication and retries against a simulator that requires a user and misbehaves on demand. */
class Noark5AuthAndRetryTest {
    private static final SimulatorAuth.TestUser USER =
            new SimulatorAuth.TestUser("arkivar", "hemmelig", "webcruiter-esa", "klienthemmelighet", Duration.ofMinutes(5));
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5));

    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private ArchiveSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ArchiveSimulator.start(0, null, 10, USER);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldUseAPasswordGrantToken_fromTheDiscoveredTokenEndpoint() {
        Noark5Archive archive = client(new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_PASSWORD, "arkivar",
                "hemmelig", "webcruiter-esa", "klienthemmelighet", null, null));

        assertThat(archive.findCase("WEBCRUITER 1")).isEmpty();
    }

    @Test
    void shouldUseAClientCredentialsToken_fromAGivenTokenUrl_andRenewItOn401() {
        Noark5Archive archive = client(new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_CLIENT_CREDENTIALS, null,
                null, "webcruiter-esa", "klienthemmelighet", simulator.root().resolve("/oauth2/token"), null));
        archive.createCase(rules.caseFor(posting(), LocalDate.of(2026, 11, 24)));

        simulator.expireTokens();

        assertThat(archive.findCase("WEBCRUITER 100")).isPresent();
    }

    @Test
    void shouldUseBasicAuth_andReportRefusedCredentialsWithoutTheSecret() {
        assertThat(client(Noark5Credentials.basic("arkivar", "hemmelig")).findCase("WEBCRUITER 1")).isEmpty();

        assertThatThrownBy(() -> client(Noark5Credentials.basic("arkivar", "feil")).findCase("WEBCRUITER 1"))
                .isInstanceOfSatisfying(ArchiveRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("feil");
                });
        assertThatThrownBy(() -> client(new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_PASSWORD, "arkivar",
                "feil", "webcruiter-esa", "klienthemmelighet", null, null)).findCase("WEBCRUITER 1"))
                .isInstanceOf(ArchiveRejectedException.class).hasMessageNotContaining("feil");
    }

    @Test
    void shouldRetryReadsAfterServerErrors_andWritesTheServerDidNotActOn() {
        Noark5Archive archive = client(Noark5Credentials.basic("arkivar", "hemmelig"));
        simulator.faults().failNext("GET", "/saksmappe$", 500, 2);
        simulator.faults().failNext("POST", "/ny-saksmappe$", 503, 2);

        archive.createCase(rules.caseFor(posting(), LocalDate.of(2026, 11, 24)));

        assertThat(archive.findCase("WEBCRUITER 100")).isPresent();
        assertThat(simulator.contents().cases()).hasSize(1);
    }

    @Test
    void shouldNotRepeatAWriteAfterAnAmbiguousServerError() {
        Noark5Archive archive = client(Noark5Credentials.basic("arkivar", "hemmelig"));
        simulator.faults().failNext("POST", "/ny-saksmappe$", 500, 1);

        assertThatThrownBy(() -> archive.createCase(rules.caseFor(posting(), LocalDate.of(2026, 11, 24))))
                .isInstanceOf(ArchiveUnavailableException.class);
        assertThat(simulator.contents().cases()).isEmpty();
    }

    @Test
    void shouldGiveUpAfterTheConfiguredAttempts() {
        Noark5Archive archive = client(Noark5Credentials.basic("arkivar", "hemmelig"));
        simulator.faults().failNext("GET", "/saksmappe$", 503, 10);

        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1")).isInstanceOf(ArchiveUnavailableException.class)
                .hasMessageContaining("503");
    }

    @Test
    void shouldStopCallingADeadArchiveForTheCoolDown_thenTryAgain() throws Exception {
        Noark5Archive archive = new Noark5Archive(new Noark5Settings(simulator.root(),
                Noark5Credentials.basic("arkivar", "hemmelig"),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 2, Duration.ofMillis(300)), Duration.ofSeconds(2),
                Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
        archive.findCase("WEBCRUITER 1");
        simulator.faults().failNext("GET", "/saksmappe$", 503, 2);

        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1")).hasMessageContaining("503");
        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1")).hasMessageContaining("503");
        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1")).as("the archive would answer; the circuit is open")
                .isInstanceOf(ArchiveUnavailableException.class).hasMessageContaining("circuit open");
        Thread.sleep(400);

        assertThat(archive.findCase("WEBCRUITER 1")).isEmpty();
    }

    private Noark5Archive client(Noark5Credentials credentials) {
        return new Noark5Archive(new Noark5Settings(simulator.root(), credentials, FAST, Duration.ofSeconds(2),
                Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
    }

    private static Posting posting() {
        return new Posting("100", "Lærer ved Byåsen skole", "Byåsen skole", null);
    }

}
