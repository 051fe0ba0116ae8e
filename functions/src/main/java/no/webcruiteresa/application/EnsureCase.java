package no.webcruiteresa.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.RegistrationSettings;

/** Use case: exactly one archive case per WebCruiter posting. */
public class EnsureCase {
    private static final Logger LOG = Logger.getLogger(EnsureCase.class.getName());

    private final CaseArchive archive;
    private final RegistrationSettings settings;
    private final RegistrationRules rules;
    private final Clock clock;

    public EnsureCase(CaseArchive archive, RegistrationSettings settings, Clock clock) {
        this.archive = archive;
        this.settings = settings;
        this.rules = new RegistrationRules(settings);
        this.clock = clock;
    }

    public ArchivedCase ensure(Posting posting) {
        String reference = settings.caseReference(posting.caseNumber());
        return archive.findCase(reference).orElseGet(() -> {
            ArchivedCase created = archive.createCase(rules.caseFor(posting, LocalDate.now(clock)));
            LOG.info(() -> "created case " + created.caseId() + " for posting " + posting.caseNumber());
            return created;
        });
    }
}
