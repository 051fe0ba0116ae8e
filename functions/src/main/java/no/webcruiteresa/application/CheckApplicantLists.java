package no.webcruiteresa.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ApplicantListLedger;
import no.webcruiteresa.application.port.DropHistory;
import no.webcruiteresa.application.port.EntryArchive;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.domain.ApplicantListWatch;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.RegistrationSettings;

/**
 * Use case: warn about postings whose application deadline passed (plus a grace period) without a public applicant
 * list in the archive. Learns postings and their deadlines from the drops the bucket holds or held (each XML read
 * once), asks the archive whether a dropped public list is archived, and counts the overdue postings in a metric
 * with one WARN line per case number.
 */
public class CheckApplicantLists {
    private static final Logger LOG = Logger.getLogger(CheckApplicantLists.class.getName());

    /** What one run found: postings watched, postings with their public list archived, and the overdue ones. */
    public record Report(int postings, int withPublicList, List<String> overdue) {
        public Report {
            overdue = List.copyOf(overdue);
        }
    }

    private final DropHistory history;
    private final ApplicantListLedger ledger;
    private final EntryArchive entries;
    private final RegistrationSettings registration;
    private final Period grace;
    private final ZoneId zone;
    private final Clock clock;
    private final Metrics metrics;

    public CheckApplicantLists(DropHistory history, ApplicantListLedger ledger, EntryArchive entries,
                               RegistrationSettings registration, Period grace, ZoneId zone, Clock clock,
                               Metrics metrics) {
        this.history = history;
        this.ledger = ledger;
        this.entries = entries;
        this.registration = registration;
        this.grace = grace;
        this.zone = zone;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Report check() {
        Map<String, ApplicantListWatch> watches = new TreeMap<>(ledger.load());
        for (String key : history.xmlKeys()) {
            String caseNumber = key.substring(0, key.indexOf('/'));
            ApplicantListWatch watch = watches.getOrDefault(caseNumber, ApplicantListWatch.of(caseNumber));
            if (watch.seen(key)) {
                continue;
            }
            Optional<DocumentDrop> drop = history.read(key);
            watches.put(caseNumber, drop.filter(d -> d.posting().caseNumber().equals(caseNumber))
                    .map(d -> watch.noting(key, d)).orElseGet(() -> watch.unreadable(key)));
        }
        for (ApplicantListWatch watch : List.copyOf(watches.values())) {
            if (!watch.publicListArchived() && watch.publicListDocumentIds().stream()
                    .anyMatch(id -> entries.findEntry(registration.entryReference(id)).isPresent())) {
                watches.put(watch.caseNumber(), watch.withPublicListArchived());
            }
        }
        ledger.save(watches.values());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> overdue = watches.values().stream().filter(w -> w.overdue(today, grace))
                .map(ApplicantListWatch::caseNumber).toList();
        overdue.forEach(caseNumber -> LOG.warning(() -> "posting " + caseNumber + " has no public applicant list in "
                + "the archive " + grace + " after its application deadline " + watches.get(caseNumber)
                .applicationDeadline()));
        metrics.missingPublicApplicantLists(overdue.size());
        int withList = (int) watches.values().stream().filter(ApplicantListWatch::publicListArchived).count();
        LOG.info(() -> "applicant lists: " + watches.size() + " posting(s) known, " + withList
                + " with a public list archived, " + overdue.size() + " overdue");
        return new Report(watches.size(), withList, overdue);
    }
}
