package no.webcruiteresa.adapter.fiksarkiv;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Arkivmelding;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Dokumentbeskrivelse;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Dokumentobjekt;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Journalpost;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Klassifikasjon;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Korrespondansepart;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Saksmappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Skjerming;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.AdministrativEnhet;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Dokumentmedium;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Dokumentstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Dokumenttype;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.EksternNoekkel;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Format;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Journalposttype;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Journalstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Kode;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Korrespondanseparttype;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Landkode;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.ReferanseTilMappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Saksansvarlig;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Saksbehandler;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Saksstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.SystemID;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Tilgangsrestriksjon;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.TilknyttetRegistreringSom;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Variantformat;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.DocumentRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.EntryType;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Screening;

/**
 * Turns our registrations into arkivmelding.opprett payloads: a saksmappe alone, or a journalpost filed in a known
 * saksmappe with its correspondents and documents. Only name and postal address reach korrespondansepart, as on the
 * REST door; a screened entry marks its external correspondents erSkjermet and carries the public title as given.
 */
final class Arkivmeldinger {
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");
    private static final Pattern SAFE_EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,8}$");
    private final FiksArkivSettings settings;
    private final DatatypeFactory dates;

    Arkivmeldinger(FiksArkivSettings settings) {
        this.settings = settings;
        this.dates = DatatypeFactory.newDefaultInstance();
    }

    Arkivmelding saksmappe(CaseRegistration registration) {
        Saksmappe mappe = new Saksmappe();
        mappe.setTittel(registration.title());
        mappe.setOffentligTittel(registration.publicTitle());
        mappe.setBeskrivelse(registration.reference());
        mappe.setDokumentmedium(code(Dokumentmedium::new, "E", "Elektronisk arkiv"));
        mappe.setArkivdel(code(Kode::new, registration.archivePart(), null));
        Klassifikasjon klasse = new Klassifikasjon();
        klasse.setKlasseID(registration.classificationCode());
        mappe.getKlassifikasjon().add(klasse);
        mappe.setReferanseEksternNoekkel(key(registration.reference()));
        mappe.setSaksdato(date(registration.caseDate()));
        AdministrativEnhet unit = new AdministrativEnhet();
        unit.setIdentifikator(registration.administrativeUnit());
        mappe.setAdministrativEnhet(unit);
        Saksansvarlig handler = new Saksansvarlig();
        handler.setIdentifikator(registration.caseHandler());
        mappe.setSaksansvarlig(handler);
        mappe.setSaksstatus(code(Saksstatus::new, registration.caseStatus(), null));
        Arkivmelding melding = melding(0);
        melding.setMappe(mappe);
        return melding;
    }

    Arkivmelding journalpost(ArchivedCase archivedCase, EntryRegistration entry) {
        Journalpost post = new Journalpost();
        ReferanseTilMappe parent = new ReferanseTilMappe();
        if (archivedCase.systemId() != null && UUID_SHAPE.matcher(archivedCase.systemId()).matches()) {
            SystemID id = new SystemID();
            id.setValue(archivedCase.systemId());
            parent.setSystemID(id);
        }
        parent.setReferanseEksternNoekkel(key(archivedCase.reference()));
        post.setReferanseForelderMappe(parent);
        post.setTittel(entry.title());
        post.setOffentligTittel(entry.publicTitle());
        post.setBeskrivelse(entry.reference());
        post.setReferanseEksternNoekkel(key(entry.reference()));
        post.setJournalposttype(code(Journalposttype::new, entry.type().code(), entry.type().codeName()));
        post.setJournalstatus(code(Journalstatus::new, entry.status(), null));
        post.setDokumentetsDato(date(entry.documentDate()));
        XMLGregorianCalendar dayStart = dateTime(entry.documentDate());
        if (entry.type() == EntryType.INCOMING) {
            post.setMottattDato(dayStart);
        } else {
            post.setSendtDato(dayStart);
        }
        post.setSkjerming(screening(entry.screening()));
        for (Correspondent part : entry.correspondents()) {
            post.getKorrespondansepart().add(korrespondansepart(part, entry.screening()));
        }
        for (DocumentRegistration document : entry.documents()) {
            post.getDokumentbeskrivelse().add(dokumentbeskrivelse(entry, document));
        }
        Arkivmelding melding = melding(entry.documents().size());
        melding.setRegistrering(post);
        return melding;
    }

    /** The file's name inside the package: ASCII, unique per journalpost, independent of the original name. */
    static String packageFileName(DocumentRegistration document) {
        var extension = SAFE_EXTENSION.matcher(document.fileName());
        return "dokument-" + document.number() + (extension.find() ? extension.group().toLowerCase(Locale.ROOT) : "");
    }

    private Dokumentbeskrivelse dokumentbeskrivelse(EntryRegistration entry, DocumentRegistration document) {
        Dokumentbeskrivelse beskrivelse = new Dokumentbeskrivelse();
        beskrivelse.setTittel(document.title());
        beskrivelse.setDokumentnummer(document.number());
        beskrivelse.setDokumenttype(code(Dokumenttype::new, settings.documentType(), settings.documentTypeName()));
        beskrivelse.setDokumentstatus(code(Dokumentstatus::new, document.status(), null));
        beskrivelse.setTilknyttetRegistreringSom(code(TilknyttetRegistreringSom::new, document.main() ? "H" : "V",
                document.main() ? "Hoveddokument" : "Vedlegg"));
        beskrivelse.setSkjerming(screening(entry.screening()));
        Dokumentobjekt objekt = new Dokumentobjekt();
        objekt.setVersjonsnummer(1);
        objekt.setVariantformat(code(Variantformat::new, document.variantFormat(), null));
        objekt.setFormat(code(Format::new, settings.fileFormat(), settings.fileFormatName()));
        objekt.setMimeType(document.mimeType());
        objekt.setFilnavn(document.fileName());
        objekt.setReferanseDokumentfil(packageFileName(document));
        objekt.setSjekksum(document.sha256());
        objekt.setSjekksumAlgoritme("SHA-256");
        objekt.setFilstoerrelse(Math.toIntExact(document.size()));
        beskrivelse.getDokumentobjekt().add(objekt);
        return beskrivelse;
    }

    private Korrespondansepart korrespondansepart(Correspondent part, Screening screening) {
        Korrespondansepart korrespondansepart = new Korrespondansepart();
        korrespondansepart.setKorrespondanseparttype(code(Korrespondanseparttype::new, part.role().code(),
                part.role().codeName()));
        korrespondansepart.setKorrespondansepartNavn(part.name());
        if (part.role() == Correspondent.Role.INTERNAL_RECIPIENT) {
            Saksbehandler handler = new Saksbehandler();
            handler.setNavn(part.name());
            korrespondansepart.setSaksbehandler(handler);
            AdministrativEnhet unit = new AdministrativEnhet();
            unit.setIdentifikator(settings.administrativeUnit());
            korrespondansepart.setAdministrativEnhet(unit);
            return korrespondansepart;
        }
        PostalAddress address = part.postalAddress();
        if (address != null) {
            korrespondansepart.getPostadresse().addAll(address.streetLines());
            korrespondansepart.setPostnummer(address.postalCode());
            korrespondansepart.setPoststed(address.postalTown());
            if (address.country() != null && address.country().matches("[A-Z]{2}")) {
                korrespondansepart.setLandkode(code(Landkode::new, address.country(), null));
            }
        }
        if (screening.exempt()) {
            korrespondansepart.setErSkjermet(true);
        }
        return korrespondansepart;
    }

    private Skjerming screening(Screening screening) {
        if (!screening.exempt()) {
            return null;
        }
        Skjerming skjerming = new Skjerming();
        skjerming.setTilgangsrestriksjon(code(Tilgangsrestriksjon::new, screening.accessCode(),
                settings.accessCodeName()));
        skjerming.setSkjermingshjemmel(screening.legalBasis());
        return skjerming;
    }

    private Arkivmelding melding(int files) {
        Arkivmelding melding = new Arkivmelding();
        melding.setSystem(settings.fagsystem());
        melding.setAntallFiler(files);
        return melding;
    }

    EksternNoekkel key(String reference) {
        EksternNoekkel key = new EksternNoekkel();
        key.setFagsystem(settings.fagsystem());
        key.setNoekkel(ExternalKeys.noekkel(settings.fagsystem(), reference));
        return key;
    }

    private XMLGregorianCalendar date(LocalDate date) {
        return date == null ? null : dates.newXMLGregorianCalendar(date.toString());
    }

    private XMLGregorianCalendar dateTime(LocalDate date) {
        return dates.newXMLGregorianCalendar(GregorianCalendar.from(date.atStartOfDay(settings.zone())));
    }

    private static <T extends Kode> T code(Supplier<T> type, String value, String description) {
        if (value == null) {
            return null;
        }
        T code = type.get();
        code.setKode(value);
        code.setBeskrivelse(description);
        return code;
    }
}
