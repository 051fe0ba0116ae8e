package no.webcruiteresa.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.CaseNotice;
import no.webcruiteresa.application.port.CaseNotices;
import no.webcruiteresa.application.port.CreationLocks;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.RegistrationSettings;
import no.webcruiteresa.domain.ResponsibleUnit;
import no.webcruiteresa.domain.RoutingTable;

/** Use case: exactly one archive case per WebCruiter posting. */
public class EnsureCase {
    private static final Logger LOG = Logger.getLogger(EnsureCase.class.getName());

    private final CaseArchive archive;
    private final RegistrationSettings settings;
    private final RegistrationRules rules;
    private final Clock clock;
    private final CreationLocks locks;
    private final Duration staleLock;
    private final Routing routing;

    /**
     * Where new cases go and who hears of them. Existing cases are never moved: the table applies when a case is made.
     *
     * @param table   the routing table; its holding unit takes what no rule matches
     * @param notices told of each case this use case creates; a failure is logged and counted, never retried,
     *                because the case exists and a retry would find it and not create (nor announce) it again
     */
    public record Routing(RoutingTable table, CaseNotices notices, Metrics metrics) {
        /** The seed's behaviour: every case in the holding unit of the settings, nobody told. */
        static Routing holdingUnitOnly(RegistrationSettings settings) {
            return new Routing(RoutingTable.holdingUnitOnly(new ResponsibleUnit(settings.administrativeUnit(),
                    settings.caseHandler(), settings.accessGroup())), CaseNotices.none(), Metrics.none());
        }
    }

    public EnsureCase(CaseArchive archive, RegistrationSettings settings, Clock clock, CreationLocks locks,
                      Duration staleLock) {
        this(archive, settings, clock, locks, staleLock, Routing.holdingUnitOnly(settings));
    }

    public EnsureCase(CaseArchive archive, RegistrationSettings settings, Clock clock, CreationLocks locks,
                      Duration staleLock, Routing routing) {
        this.routing = routing;
        this.archive = archive;
        this.settings = settings;
        this.rules = new RegistrationRules(settings);
        this.clock = clock;
        this.locks = locks;
        this.staleLock = staleLock;
    }

    public ArchivedCase ensure(Posting posting) {
        String reference = settings.caseReference(posting.caseNumber());
        return archive.findCase(reference).orElseGet(() -> create(posting, reference));
    }

    /** Under a lock, and looking again once it is held: a worker that raced us may have just made the case. */
    private ArchivedCase create(Posting posting, String reference) {
        return LockedWrite.run(locks, LockNames.forCase(posting.caseNumber()), staleLock,
                "the case for posting " + posting.caseNumber(), () -> archive.findCase(reference).orElseGet(() -> {
                RoutingTable.Route route = routing.table().route(posting);
                CaseRegistration registration = rules.caseFor(posting, LocalDate.now(clock), route.unit());
                ArchivedCase created = archive.createCase(registration);
                LOG.info(() -> "created case " + created.caseId() + " for posting " + posting.caseNumber()
                        + " in unit " + route.unit().administrativeUnit() + (route.routed() ? "" : " (unrouted)"));
                if (!route.routed()) {
                    routing.metrics().postingUnrouted();
                }
                announce(new CaseNotice(posting.caseNumber(), created.systemId(), created.caseId(),
                        registration.administrativeUnit(), registration.publicTitle(), route.routed()));
                return created;
            }));
    }

    private void announce(CaseNotice notice) {
        try {
            routing.notices().caseCreated(notice);
        } catch (RuntimeException e) {
            routing.metrics().caseNoticeFailed();
            LOG.warning(() -> "could not tell unit " + notice.administrativeUnit() + " of case " + notice.caseId()
                    + ": " + e.getClass().getSimpleName());
        }
    }
}
