package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivArchive;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivSettings;
import no.webcruiteresa.adapter.noark5.Noark5Credentials;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.adapter.noark5.RetryPolicy;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.Test;

/** The bridge sends every port call through Fiks Arkiv and nothing to the REST API it stands in for. */
class FiksArkivDoorTest {
    @Test
    void everyCallGoesThroughFiksArkivAndPersonnelFilesAreRefused() {
        try (ArchiveSimulator simulator = ArchiveSimulator.start(0, null)) {
            FiksArkivArchive fiks = new FiksArkivArchive(new LoopbackHttpTransport(simulator.fiksArkivRoot(),
                    Duration.ofSeconds(2), Duration.ofSeconds(10)), new FiksArkivSettings("WEBCRUITER", "fmt/276",
                    "PDF 1.7", "B", "Brev", "Personalsaker", "WS.1000", ZoneId.of("Europe/Oslo"), Duration.ofSeconds(5)));
            // A REST root nothing listens on: any call the bridge let through to the REST API would fail.
            FiksArkivDoor door = new FiksArkivDoor(fiks, new Noark5Settings(URI.create("http://127.0.0.1:9/noark5v5/"),
                    Noark5Credentials.NONE, RetryPolicy.NONE, Duration.ofMillis(200), Duration.ofMillis(200), "fmt/276",
                    "PDF 1.7", "B", "Brev", "Personalsaker"));
            RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());

            ArchivedCase created = door.createCase(rules.caseFor(new Posting("100", "Lærer", "Byåsen skole", null),
                    LocalDate.of(2026, 11, 20)));

            assertThat(door.findCase("WEBCRUITER 100")).contains(created);
            assertThat(door.setCaseStatus(created, "A")).isTrue();
            assertThat(door.findEntry("WEBCRUITER WC201-100-1")).isEmpty();
            assertThatThrownBy(() -> door.personnelFiles().findFile("WEBCRUITER P-1"))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Fiks Arkiv");
        }
    }
}
