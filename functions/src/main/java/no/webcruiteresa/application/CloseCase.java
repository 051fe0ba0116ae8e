package no.webcruiteresa.application;

import java.util.Optional;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.domain.PostingClosed;

/**
 * Use case: when WebCruiter closes a posting, finish its case (saksstatus) once every document of the posting is
 * archived. A document is known to the integration while its XML is in the drop area (not archived, or archived
 * and not yet removed) or in quarantine; while any is, the case stays open and the message waits. Idempotent: a
 * case already finished is left as it is.
 */
public class CloseCase {
    private static final Logger LOG = Logger.getLogger(CloseCase.class.getName());

    /** How it went. */
    public enum Outcome { FINISHED, ALREADY_FINISHED, NO_CASE }

    /**
     * @param finishedStatus   the Noark 5 saksstatus of a finished case (A avsluttet)
     * @param referencePrefix  the prefix of the WebCruiter reference on the case ("WEBCRUITER")
     * @param quarantinePrefix where drops that could not be archived are kept
     */
    public record Settings(String finishedStatus, String referencePrefix, String quarantinePrefix) {
    }

    private final CaseArchive archive;
    private final DropStore store;
    private final Settings settings;
    private final Metrics metrics;

    public CloseCase(CaseArchive archive, DropStore store, Settings settings, Metrics metrics) {
        this.archive = archive;
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** @throws CaseNotFinishedException while documents of the posting wait, so the message is retried later */
    public Outcome close(PostingClosed closed) {
        String caseNumber = closed.caseNumber();
        int waiting = xmlCount(caseNumber + "/");
        int quarantined = xmlCount(quarantine() + caseNumber + "/");
        if (waiting > 0 || quarantined > 0) {
            metrics.caseCloseWaiting();
            throw new CaseNotFinishedException(caseNumber, waiting, quarantined);
        }
        Optional<ArchivedCase> found = archive.findCase(settings.referencePrefix() + " " + caseNumber);
        if (found.isEmpty()) {
            // Nothing was ever archived for it and nothing waits: there is no case to finish.
            LOG.info(() -> "posting " + caseNumber + " closed without a case in the archive: nothing to finish");
            return Outcome.NO_CASE;
        }
        ArchivedCase hiringCase = found.get();
        boolean changed = archive.setCaseStatus(hiringCase, settings.finishedStatus());
        if (changed) {
            metrics.caseClosed();
        }
        LOG.info(() -> "case " + hiringCase.caseId() + " of posting " + caseNumber
                + (changed ? " finished (saksstatus " : " was already finished (saksstatus ")
                + settings.finishedStatus() + ")");
        return changed ? Outcome.FINISHED : Outcome.ALREADY_FINISHED;
    }

    /** Each drop has exactly one XML; its PDFs and quarantine reports are not documents of their own. */
    private int xmlCount(String prefix) {
        return (int) store.list(prefix).stream().map(DropStore.StoredObject::key)
                .filter(key -> key.endsWith(".xml")).count();
    }

    private String quarantine() {
        String prefix = settings.quarantinePrefix();
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
