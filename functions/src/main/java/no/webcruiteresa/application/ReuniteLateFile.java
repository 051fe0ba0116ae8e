package no.webcruiteresa.application;

import java.util.Optional;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.application.port.Quarantine;
import no.webcruiteresa.application.port.QuarantineReport;

/**
 * Use case: a file that arrives after its drop was quarantined is brought back together with it. A drop that was
 * quarantined only because files were missing is released once all of them are here (its XML comes back last and
 * is archived as if new); a drop quarantined for another reason gets the late file moved beside it and recorded.
 * Anything else (a file of a drop still in the drop area, a file no quarantined drop names) is left alone.
 */
public class ReuniteLateFile {
    private static final Logger LOG = Logger.getLogger(ReuniteLateFile.class.getName());

    private final DropStore store;
    private final Quarantine quarantine;

    public ReuniteLateFile(DropStore store, Quarantine quarantine) {
        this.store = store;
        this.quarantine = quarantine;
    }

    public ArchiveDocument.Outcome arrived(String fileKey) {
        Optional<String> xmlKey = DropKeys.xmlKeyBeside(fileKey);
        // While the XML is in the drop area its own message, retried until the deadline, takes care of the file.
        if (xmlKey.isEmpty() || store.size(xmlKey.get()).isPresent()) {
            return ArchiveDocument.Outcome.IGNORED;
        }
        Optional<QuarantineReport> report = quarantine.report(xmlKey.get());
        if (report.isEmpty() || !report.get().missing().contains(fileKey)) {
            return ArchiveDocument.Outcome.IGNORED;
        }
        if (!report.get().onlyMissingFiles()) {
            quarantine.adopt(xmlKey.get(), fileKey);
            return ArchiveDocument.Outcome.QUARANTINED;
        }
        return releaseIfComplete(xmlKey.get()) ? ArchiveDocument.Outcome.RELEASED : ArchiveDocument.Outcome.IGNORED;
    }

    /** Releases a drop quarantined for missing files once every one of them is in the drop area. */
    public boolean releaseIfComplete(String xmlKey) {
        Optional<QuarantineReport> report = quarantine.report(xmlKey).filter(QuarantineReport::onlyMissingFiles)
                .filter(r -> !r.missing().isEmpty() && r.missing().stream().allMatch(k -> store.size(k).isPresent()));
        if (report.isEmpty()) {
            return false;
        }
        int objects = quarantine.release(xmlKey);
        LOG.info(() -> "released " + LogText.key(xmlKey) + " (" + objects + " objects) from quarantine: its "
                + report.get().missing().size() + " missing file(s) arrived");
        return true;
    }
}
