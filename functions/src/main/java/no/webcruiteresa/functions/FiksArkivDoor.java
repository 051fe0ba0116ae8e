package no.webcruiteresa.functions;

import java.io.InputStream;
import java.util.Optional;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivArchive;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.FileSource;
import no.webcruiteresa.application.port.PersonnelFiles;
import no.webcruiteresa.application.port.RecordedEntry;
import no.webcruiteresa.domain.PersonnelFileRegistration;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.EntryRegistration;

/**
 * A bridge, not a design: the Fiks Arkiv door in the shape of a Noark5Archive, because the function beans still ask
 * for that class. Every port method goes to Fiks Arkiv; nothing here reaches the REST API. Delete it once the beans
 * take CaseArchive and EntryArchive.
 */
class FiksArkivDoor extends Noark5Archive {
    private final FiksArkivArchive fiks;

    FiksArkivDoor(FiksArkivArchive fiks, Noark5Settings unused) {
        super(unused);
        this.fiks = fiks;
    }

    @Override
    public Optional<ArchivedCase> findCase(String reference) {
        return fiks.findCase(reference);
    }

    @Override
    public ArchivedCase createCase(CaseRegistration registration) {
        return fiks.createCase(registration);
    }

    @Override
    public boolean setCaseStatus(ArchivedCase archivedCase, String status) {
        return fiks.setCaseStatus(archivedCase, status);
    }

    @Override
    public Optional<ArchivedEntry> findEntry(String reference) {
        return fiks.findEntry(reference);
    }

    @Override
    public ArchivedEntry archiveEntry(ArchivedCase archivedCase, EntryRegistration entry, FileSource files) {
        return fiks.archiveEntry(archivedCase, entry, files);
    }

    /**
     * Personnel files on hire are not built for Fiks Arkiv: each call fails (the message is retried and kept in the
     * dead-letter queue for a redrive), rather than reaching the REST API the door replaces.
     */
    @Override
    public PersonnelFiles personnelFiles() {
        return new NotThroughFiksArkiv();
    }

    @Override
    public void forgetCredentialsAndConnections() {
        // Fiks Arkiv holds no archive credentials in this process.
    }

    private static final class NotThroughFiksArkiv implements PersonnelFiles {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("personnel files on hire are not built for the Fiks Arkiv door "
                    + "(docs/fiks-arkiv.md); use archive.protocol noark5-rest for fileOnHire");
        }

        @Override
        public Optional<ArchivedCase> findFile(String reference) {
            throw refused();
        }

        @Override
        public ArchivedCase createFile(PersonnelFileRegistration registration) {
            throw refused();
        }

        @Override
        public Optional<RecordedEntry> readEntry(String reference) {
            throw refused();
        }

        @Override
        public InputStream openFile(RecordedEntry.RecordedDocument document) {
            throw refused();
        }

        @Override
        public void keep(RecordedEntry entry, String decision, String legalBasis) {
            throw refused();
        }
    }
}
