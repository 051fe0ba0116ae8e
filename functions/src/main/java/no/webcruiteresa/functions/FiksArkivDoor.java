package no.webcruiteresa.functions;

import java.util.Optional;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivArchive;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.FileSource;
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

    @Override
    public void forgetCredentialsAndConnections() {
        // Fiks Arkiv holds no archive credentials in this process.
    }
}
