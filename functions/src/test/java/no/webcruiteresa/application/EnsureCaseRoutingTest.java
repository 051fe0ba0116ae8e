package no.webcruiteresa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.CaseNotice;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.application.port.RecordingMetrics;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.ResponsibleUnit;
import no.webcruiteresa.domain.RoutingRule;
import no.webcruiteresa.domain.RoutingTable;
import no.webcruiteresa.domain.TestDrops;
import org.junit.jupiter.api.Test;

/** The routing rule applied where cases are made: once per posting, with a notice and a count of the unrouted. */
class EnsureCaseRoutingTest {
    private static final ResponsibleUnit SCHOOL = new ResponsibleUnit("OF.2100", "BYASEN", "OF2100");

    private final InMemoryCases archive = new InMemoryCases();
    private final List<CaseNotice> notices = new ArrayList<>();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final EnsureCase ensureCase = new EnsureCase(archive, TestDrops.seedSettings(),
            Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC), new InMemoryLocks(),
            Duration.ofMinutes(10), new EnsureCase.Routing(new RoutingTable(
            List.of(new RoutingRule("Byåsen skole", null, SCHOOL)),
            new ResponsibleUnit("WS.1000", "WSANS", "WS1000")), notices::add, metrics));

    @Test
    void shouldCreateARoutedCaseInItsUnit_andTellTheUnitOnce() {
        Posting posting = new Posting("240117", "Lærer ved Byåsen skole", "Byåsen skole", null);

        ArchivedCase created = ensureCase.ensure(posting);
        ensureCase.ensure(posting);

        CaseRegistration registered = archive.registrations.get("WEBCRUITER 240117");
        assertThat(registered.administrativeUnit()).isEqualTo("OF.2100");
        assertThat(registered.caseHandler()).isEqualTo("BYASEN");
        assertThat(registered.accessGroup()).isEqualTo("OF2100");
        assertThat(registered.caseDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(notices).containsExactly(new CaseNotice("240117", created.systemId(), created.caseId(), "OF.2100",
                "Lærer ved Byåsen skole", true));
        metrics.publish("createCase");
        assertThat(metrics.published().getFirst().counts()).doesNotContainKey("UnroutedPostings");
    }

    @Test
    void shouldCreateAnUnmatchedPostingsCaseInTheHoldingUnit_andCountIt() {
        ensureCase.ensure(new Posting("240118", "Renholder", "Lade skole", null));

        assertThat(archive.registrations.get("WEBCRUITER 240118").administrativeUnit()).isEqualTo("WS.1000");
        assertThat(notices).singleElement().extracting(CaseNotice::routed).isEqualTo(false);
        metrics.publish("createCase");
        assertThat(metrics.published().getFirst().counts()).containsEntry("UnroutedPostings", 1L);
    }

    @Test
    void shouldKeepTheCreatedCase_whenTheNoticeCannotBeSent() {
        EnsureCase failingNotices = new EnsureCase(archive, TestDrops.seedSettings(), Clock.systemUTC(),
                new InMemoryLocks(), Duration.ofMinutes(10), new EnsureCase.Routing(
                RoutingTable.holdingUnitOnly(SCHOOL), notice -> {
                    throw new IllegalStateException("topic gone");
                }, metrics));

        ArchivedCase created = failingNotices.ensure(new Posting("240119", "Lærer", "Lade skole", null));

        assertThat(created.caseId()).isNotBlank();
        metrics.publish("createCase");
        assertThat(metrics.published().getFirst().counts()).containsEntry("CaseNoticeFailures", 1L);
    }

    /** Port fakes: the archive over HTTP is covered by the end-to-end tests. */
    private static final class InMemoryCases implements CaseArchive {
        final Map<String, CaseRegistration> registrations = new LinkedHashMap<>();
        final Map<String, ArchivedCase> cases = new LinkedHashMap<>();

        @Override
        public Optional<ArchivedCase> findCase(String reference) {
            return Optional.ofNullable(cases.get(reference));
        }

        @Override
        public ArchivedCase createCase(CaseRegistration registration) {
            registrations.put(registration.reference(), registration);
            ArchivedCase created = new ArchivedCase("sys-" + cases.size(), "2026/" + (cases.size() + 1),
                    registration.reference());
            cases.put(registration.reference(), created);
            return created;
        }

        @Override
        public boolean setCaseStatus(ArchivedCase archivedCase, String status) {
            throw new UnsupportedOperationException("not used here");
        }
    }

    private static final class InMemoryLocks implements CreationLocks {
        private final Set<String> held = new HashSet<>();

        @Override
        public boolean tryAcquire(String name, Duration staleAfter) {
            return held.add(name);
        }

        @Override
        public void release(String name) {
            held.remove(name);
        }
    }
}
