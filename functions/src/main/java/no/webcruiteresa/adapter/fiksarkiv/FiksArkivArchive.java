package no.webcruiteresa.adapter.fiksarkiv;

import no.webcruiteresa.domain.PersonnelFileRegistration;
import no.webcruiteresa.application.port.RecordedEntry;
import java.io.InputStream;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.ArkivmeldingKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.MappeKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.oppdater.v1.ArkivmeldingOppdatering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.oppdater.v1.SaksmappeOppdatering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Arkivmelding;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Dokumentbeskrivelse;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Dokumentobjekt;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Journalpost;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Saksmappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.resultat.v1.MappeHentResultat;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.v1.MappeHent;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.ReferanseTilMappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.ReferanseTilRegistrering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Saksstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.SystemID;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.resultat.v1.RegistreringHentResultat;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.v1.Inkluder;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.v1.RegistreringHent;
import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.Archive;
import no.webcruiteresa.application.port.PersonnelFiles;
import no.webcruiteresa.application.port.ArchiveOutcomeUnknownException;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchiveUnavailableException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.application.port.FileSource;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.fiksarkiv.Asice;
import no.webcruiteresa.fiksarkiv.Feilmelding;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport.Reply;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;
import no.webcruiteresa.fiksarkiv.InvalidMessageException;
import no.webcruiteresa.fiksarkiv.MessageTypes;

/**
 * The archive ports over Fiks Arkiv: a case is a saksmappe, an entry a journalpost sent whole (correspondents,
 * documents and files in one ASiC-E package), both carrying our external key. Lookups go by that key
 * (mappe.hent, registrering.hent), so a retry after a lost answer finds what the first attempt made instead of
 * sending it again. Answers are awaited up to the configured time: no final answer by then means the outcome is
 * unknown, as a timed-out HTTP write is on the REST door.
 */
public class FiksArkivArchive implements Archive {
    private static final Logger LOG = Logger.getLogger(FiksArkivArchive.class.getName());
    private final FiksArkivTransport transport;
    private final FiksArkivSettings settings;
    private final Arkivmeldinger meldinger;

    public FiksArkivArchive(FiksArkivTransport transport, FiksArkivSettings settings) {
        this.transport = transport;
        this.settings = settings;
        this.meldinger = new Arkivmeldinger(settings);
    }

    @Override
    public Optional<ArchivedCase> findCase(String reference) {
        ReferanseTilMappe mappe = new ReferanseTilMappe();
        mappe.setReferanseEksternNoekkel(meldinger.key(reference));
        return saksmappe(mappe).map(found -> new ArchivedCase(found.getSystemID().getValue(), found.getMappeID(),
                reference));
    }

    /**
     * Sets the saksstatus with arkivmelding.oppdater unless mappe.hent shows the case has it already. Setting it
     * again after a lost answer changes nothing, so the retry needs no more than that lookup.
     */
    @Override
    public boolean setCaseStatus(ArchivedCase archivedCase, String status) {
        ReferanseTilMappe reference = new ReferanseTilMappe();
        reference.setSystemID(systemId(archivedCase.systemId()));
        Saksmappe current = saksmappe(reference).orElseThrow(() ->
                new ArchiveRejectedException(404, "ikkefunnet: case " + archivedCase.caseId() + " is not in the archive"));
        if (current.getSaksstatus() != null && status.equals(current.getSaksstatus().getKode())) {
            return false;
        }
        SaksmappeOppdatering update = new SaksmappeOppdatering();
        update.setReferanseTilMappe(reference);
        Saksstatus saksstatus = new Saksstatus();
        saksstatus.setKode(status);
        update.setSaksstatus(saksstatus);
        ArkivmeldingOppdatering melding = new ArkivmeldingOppdatering();
        melding.setMappeOppdateringer(update);
        Reply answer = exchange(MessageTypes.ARKIVMELDING_OPPDATER, FiksArkivXml.instance().write(
                new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.oppdater.v1.ObjectFactory()
                        .createArkivmeldingOppdatering(melding)), List.of(), true);
        if (answer.type().equals(MessageTypes.ARKIVMELDING_OPPDATER_KVITTERING)) {
            return true;
        }
        throw failure(answer, true);
    }

    private Optional<Saksmappe> saksmappe(ReferanseTilMappe reference) {
        MappeHent hent = new MappeHent();
        hent.setSystem(settings.fagsystem());
        hent.setReferanseTilMappe(reference);
        Optional<byte[]> resultat = lookup(MessageTypes.MAPPE_HENT, MessageTypes.MAPPE_HENT_RESULTAT,
                new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.v1.ObjectFactory().createMappeHent(hent));
        return resultat.map(xml -> {
            Saksmappe found = FiksArkivXml.instance().read(xml, MappeHentResultat.class).getSaksmappe();
            if (found == null) {
                throw new ArchiveRejectedException(502, "mappe.hent.resultat without a saksmappe");
            }
            return found;
        });
    }

    private static SystemID systemId(String value) {
        SystemID id = new SystemID();
        id.setValue(value);
        return id;
    }

    @Override
    public ArchivedCase createCase(CaseRegistration registration) {
        ArkivmeldingKvittering kvittering = opprett(meldinger.saksmappe(registration), List.of());
        if (kvittering.getMappeFeilet() != null) {
            throw new ArchiveRejectedException(422, "the archive did not create the saksmappe: "
                    + kvittering.getMappeFeilet().getFeilmelding());
        }
        MappeKvittering mappe = kvittering.getMappeKvittering();
        if (mappe == null) {
            throw new ArchiveOutcomeUnknownException("kvittering without mappeKvittering", null);
        }
        return new ArchivedCase(mappe.getSystemID().getValue(), mappe.getMappeID(), registration.reference());
    }

    @Override
    public Optional<ArchivedEntry> findEntry(String reference) {
        RegistreringHent hent = new RegistreringHent();
        hent.setSystem(settings.fagsystem());
        ReferanseTilRegistrering registrering = new ReferanseTilRegistrering();
        registrering.setReferanseEksternNoekkel(meldinger.key(reference));
        hent.setReferanseTilRegistrering(registrering);
        hent.getInkluder().add(Inkluder.DOKUMENTBESKRIVELSE);
        hent.getInkluder().add(Inkluder.DOKUMENTOBJEKT);
        Optional<byte[]> resultat = lookup(MessageTypes.REGISTRERING_HENT, MessageTypes.REGISTRERING_HENT_RESULTAT,
                new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.v1.ObjectFactory()
                        .createRegistreringHent(hent));
        return resultat.map(xml -> entry(FiksArkivXml.instance().read(xml, RegistreringHentResultat.class)));
    }

    @Override
    public ArchivedEntry archiveEntry(ArchivedCase archivedCase, EntryRegistration registration, FileSource files) {
        Optional<ArchivedEntry> earlier = findEntry(registration.reference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Asice.Entry> content = new ArrayList<>();
        for (DocumentRegistration document : registration.documents()) {
            content.add(new Asice.Entry(Arkivmeldinger.packageFileName(document), document.mimeType(),
                    () -> files.open(document.fileName())));
        }
        ArkivmeldingKvittering kvittering = opprett(meldinger.journalpost(archivedCase, registration), content);
        if (kvittering.getRegistreringFeilet() != null) {
            throw new ArchiveRejectedException(422, "the archive did not create the journalpost: "
                    + kvittering.getRegistreringFeilet().getFeilmelding());
        }
        // The kvittering gives the ids, not the stored files' checksums: read the entry back for those.
        return findEntry(registration.reference()).orElseThrow(() -> new ArchiveOutcomeUnknownException(
                "the archive confirmed journalpost " + kvittering.getRegistreringKvittering().getRegistreringsID()
                        + " but does not find it by its external key", null));
    }

    private ArkivmeldingKvittering opprett(Arkivmelding melding, List<Asice.Entry> files) {
        byte[] payload = FiksArkivXml.instance().write(
                new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.ObjectFactory()
                        .createArkivmelding(melding));
        Reply answer = exchange(MessageTypes.ARKIVMELDING_OPPRETT, payload, files, true);
        if (answer.type().equals(MessageTypes.ARKIVMELDING_OPPRETT_KVITTERING)) {
            return FiksArkivXml.instance().read(answer.payload(), ArkivmeldingKvittering.class);
        }
        throw failure(answer, true);
    }

    /** Sends a write (its payload first in the package, then the files) and waits for its final answer. */
    private Reply exchange(String type, byte[] payload, List<Asice.Entry> files, boolean write) {
        UUID id = UUID.randomUUID();
        List<Asice.Entry> content = new ArrayList<>();
        content.add(new Asice.Entry(MessageTypes.payloadFile(type), "application/xml",
                () -> new ByteArrayInputStream(payload)));
        content.addAll(files);
        try {
            transport.send(new FiksArkivTransport.OutgoingMessage(id, type, content));
        } catch (FiksArkivTransport.TransportException e) {
            throw new ArchiveOutcomeUnknownException("message " + id + " may not have been handed over", e);
        }
        return finalAnswer(id, write);
    }

    /** @return the resultat payload, or empty when the archive answers ikkefunnet */
    private Optional<byte[]> lookup(String type, String resultType, JAXBElement<?> request) {
        UUID id = UUID.randomUUID();
        byte[] payload = FiksArkivXml.instance().write(request);
        try {
            transport.send(new FiksArkivTransport.OutgoingMessage(id, type, List.of(new Asice.Entry(
                    MessageTypes.payloadFile(type), "application/xml", () -> new ByteArrayInputStream(payload)))));
        } catch (FiksArkivTransport.TransportException e) {
            throw new ArchiveUnavailableException("lookup " + id + " not handed over", e);
        }
        Reply answer = finalAnswer(id, false);
        if (answer.type().equals(resultType)) {
            return Optional.of(answer.payload());
        }
        if (answer.type().equals(MessageTypes.IKKE_FUNNET)) {
            return Optional.empty();
        }
        throw failure(answer, false);
    }

    private Reply finalAnswer(UUID id, boolean write) {
        List<Reply> replies = transport.replies(id, settings.replyTimeout());
        return replies.stream().filter(Reply::isFinal).findFirst().orElseThrow(() -> {
            String message = "no answer to " + id + " within " + settings.replyTimeout()
                    + (replies.isEmpty() ? "" : " (mottatt only)");
            return write ? new ArchiveOutcomeUnknownException(message, null)
                    : new ArchiveUnavailableException(message, null);
        });
    }

    /** The standard's error messages as the ports' exceptions; a serverfeil after a write leaves its outcome open. */
    private static RuntimeException failure(Reply answer, boolean write) {
        Feilmelding error;
        try {
            error = Feilmelding.parse(answer.type(), answer.payload());
        } catch (InvalidMessageException | IllegalArgumentException e) {
            return write ? new ArchiveOutcomeUnknownException("unexpected answer " + answer.type(), e)
                    : new ArchiveUnavailableException("unexpected answer " + answer.type(), e);
        }
        LOG.warning("Fiks Arkiv answered " + answer.type() + " (feilId " + error.feilId() + ")");
        // The archive's own text is left out: it may quote what we sent (names), and these messages reach the logs
        // and the quarantine report. The feilId finds it in the archive's log.
        if (error.invalidRequest()) {
            return new ArchiveRejectedException(400, "ugyldigforespoersel (feilId " + error.feilId()
                    + "; the archive's text withheld, it may quote the input)");
        }
        if (error.notFound()) {
            return new ArchiveRejectedException(404, "ikkefunnet (feilId " + error.feilId() + ")");
        }
        return write ? new ArchiveOutcomeUnknownException("serverfeil " + error.feilId(), null)
                : new ArchiveUnavailableException("serverfeil " + error.feilId(), null);
    }

    private static ArchivedEntry entry(RegistreringHentResultat resultat) {
        Journalpost post = resultat.getJournalpost();
        if (post == null) {
            throw new ArchiveRejectedException(502, "registrering.hent.resultat without a journalpost");
        }
        ArchivedCase archivedCase = null;
        ReferanseTilMappe parent = post.getReferanseForelderMappe();
        if (parent != null && parent.getSystemID() != null) {
            archivedCase = new ArchivedCase(parent.getSystemID().getValue(), parent.getMappeID(),
                    parent.getReferanseEksternNoekkel() == null ? null : ExternalKeys.reference(
                            parent.getReferanseEksternNoekkel().getFagsystem(),
                            parent.getReferanseEksternNoekkel().getNoekkel()));
        }
        List<ArchivedEntry.ArchivedFile> files = new ArrayList<>();
        for (Dokumentbeskrivelse beskrivelse : post.getDokumentbeskrivelse()) {
            for (Dokumentobjekt objekt : beskrivelse.getDokumentobjekt()) {
                files.add(new ArchivedEntry.ArchivedFile(objekt.getFilnavn(), objekt.getSjekksum(),
                        objekt.getFilstoerrelse()));
            }
        }
        return new ArchivedEntry(post.getSystemID().getValue(), post.getRegistreringsID(), archivedCase, files);
    }

    /**
     * Personnel files on hire are not built for Fiks Arkiv: each call fails (the message is retried and kept in the
     * dead-letter queue for a redrive) rather than reaching another door.
     */
    @Override
    public PersonnelFiles personnelFiles() {
        return new NotThroughFiksArkiv();
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
