package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.adapter.noark5.Noark5Credentials;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.adapter.noark5.RetryPolicy;
import no.webcruiteresa.adapter.secrets.SecretsManagerCredentials;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.SimulatorAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The archive credentials from a rotating secret, against the simulator's test user over HTTP: a 401 reads the
 * secret again once before failing, so a rotation is picked up at once; the SnapStart hook drops the secret and
 * the token, so neither outlives a snapshot.
 */
class ArchiveCredentialRotationTest {
    private static final SimulatorAuth.TestUser USER = new SimulatorAuth.TestUser("arkivar", "hemmelig",
            "webcruiter-esa", "klienthemmelighet", Duration.ofMinutes(5));
    private static final String OLD = "{\"username\":\"arkivar\",\"password\":\"gammelt\"}";
    private static final String ROTATED = "{\"username\":\"arkivar\",\"password\":\"hemmelig\"}";

    private final AtomicReference<String> secret = new AtomicReference<>();
    private final AtomicInteger secretReads = new AtomicInteger();
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
    void aBasicAuth401_shouldReadTheRotatedSecretOnce_andSucceed() {
        secret.set(OLD);
        Noark5Archive archive = archive(values -> Noark5Credentials.basic(values.get("username"), values.get("password")));
        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1")).as("the secret still holds the old password")
                .isInstanceOfSatisfying(ArchiveRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(secretReads).as("read, then read once more on the 401").hasValue(2);

        secret.set(ROTATED);

        assertThat(archive.findCase("WEBCRUITER 1")).isEmpty();
        assertThat(secretReads).as("the cached old password got a 401: one re-read").hasValue(3);
        assertThat(archive.findCase("WEBCRUITER 2")).isEmpty();
        assertThat(secretReads).as("then cached again").hasValue(3);
    }

    @Test
    void anOAuth2Token401_shouldReadTheRotatedSecretOnce_andSucceed() {
        secret.set(OLD);
        Noark5Archive archive = archive(this::passwordGrant);
        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1")).isInstanceOf(ArchiveRejectedException.class);

        secret.set(ROTATED);
        simulator.expireTokens();

        assertThat(archive.findCase("WEBCRUITER 1")).isEmpty();
    }

    @Test
    void beforeTheSnapshot_theSecretAndTheTokenAreDropped() {
        secret.set(ROTATED);
        SnapshotHooks hooks = new SnapshotHooks();
        Noark5Archive archive = archive(this::passwordGrant);
        hooks.beforeSnapshot(archive::forgetCredentialsAndConnections);
        assertThat(archive.findCase("WEBCRUITER 1")).isEmpty();
        secret.set(OLD);
        assertThat(archive.findCase("WEBCRUITER 1")).as("the cached secret and token still serve").isEmpty();
        assertThat(secretReads).hasValue(1);

        hooks.beforeCheckpoint(null);

        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 1"))
                .as("no token is left: a new one is asked for with the secret as it is now")
                .isInstanceOf(ArchiveRejectedException.class);
        assertThat(secretReads).as("the secret is read again after the snapshot").hasValueGreaterThan(1);
    }

    private Noark5Credentials passwordGrant(Map<String, String> values) {
        return new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_PASSWORD, values.get("username"),
                values.get("password"), "webcruiter-esa", "klienthemmelighet", null, null);
    }

    private Noark5Archive archive(Function<Map<String, String>, Noark5Credentials> mapping) {
        SecretsManagerCredentials secrets = new SecretsManagerCredentials(() -> {
            secretReads.incrementAndGet();
            return secret.get();
        }, Duration.ofMinutes(5), Clock.systemUTC());
        Noark5Settings settings = new Noark5Settings(simulator.root(), Noark5Credentials.NONE,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)), Duration.ofSeconds(2),
                Duration.ofSeconds(5), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker");
        return new Noark5Archive(settings, new RotatingCredentials(secrets, mapping));
    }
}
