package no.webcruiteresa.simulator.fiksarkiv;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Dokumentbeskrivelse;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Dokumentobjekt;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Journalpost;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivstruktur.v1.Saksmappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.resultat.v1.MappeHentResultat;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.v1.MappeHent;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.AdministrativEnhet;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Dokumentstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Dokumenttype;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.EksternNoekkel;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Format;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Journalposttype;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Journalstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Kode;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.ReferanseTilMappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.ReferanseTilRegistrering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Saksansvarlig;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Saksstatus;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.TilknyttetRegistreringSom;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Variantformat;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.resultat.v1.RegistreringHentResultat;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.v1.RegistreringHent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;
import no.webcruiteresa.simulator.FiksArkivAccess;
import no.webcruiteresa.simulator.FiksArkivAccess.Stored;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** mappe.hent and registrering.hent: a saksmappe or a journalpost (with documents and files) by systemID or external key. */
final class Lookups {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final FiksArkivAccess archive;
    private final DatatypeFactory dates = DatatypeFactory.newDefaultInstance();

    Lookups(FiksArkivAccess archive) {
        this.archive = archive;
    }

    static Optional<Stored> saksmappe(FiksArkivAccess archive, ReferanseTilMappe reference) {
        if (reference == null) {
            return Optional.empty();
        }
        // The oldest first: if twins exist, every lookup names the same one.
        return archive.all("saksmappe").stream().filter(s -> Registrations.refersTo(reference, s))
                .min(Comparator.comparing(s -> s.data().path("opprettetDato").asString("")));
    }

    byte[] mappe(MappeHent hent) {
        Stored stored = saksmappe(archive, hent.getReferanseTilMappe())
                .orElseThrow(() -> Refusal.notFound("no saksmappe with that reference"));
        MappeHentResultat resultat = new MappeHentResultat();
        resultat.setSaksmappe(saksmappe(stored));
        return FiksArkivXml.instance().write(
                new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.resultat.v1.ObjectFactory()
                        .createMappeHentResultat(resultat));
    }

    byte[] registrering(RegistreringHent hent) {
        ReferanseTilRegistrering reference = hent.getReferanseTilRegistrering();
        Stored stored = archive.all("journalpost").stream()
                .filter(j -> reference.getSystemID() != null && reference.getSystemID().getValue().equals(j.systemId())
                        || reference.getReferanseEksternNoekkel() != null
                        && Registrations.sameKey(j.data(), reference.getReferanseEksternNoekkel()))
                .min(Comparator.comparing(j -> j.data().path("opprettetDato").asString("")))
                .orElseThrow(() -> Refusal.notFound("no journalpost with that reference"));
        RegistreringHentResultat resultat = new RegistreringHentResultat();
        resultat.setJournalpost(journalpost(stored));
        return FiksArkivXml.instance().write(
                new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.resultat.v1.ObjectFactory()
                        .createRegistreringHentResultat(resultat));
    }

    private Saksmappe saksmappe(Stored stored) {
        ObjectNode data = stored.data();
        Saksmappe mappe = new Saksmappe();
        mappe.setSystemID(Registrations.systemId(stored.systemId()));
        mappe.setMappeID(data.path("mappeID").asString());
        mappe.setTittel(data.path("tittel").asString());
        mappe.setOffentligTittel(text(data, "offentligTittel"));
        mappe.setBeskrivelse(text(data, "beskrivelse"));
        mappe.setOpprettetDato(instant(data.path("opprettetDato").asString()));
        mappe.setOpprettetAv(data.path("opprettetAv").asString("webcruiter-esa"));
        mappe.setReferanseEksternNoekkel(key(data));
        mappe.setSaksaar(data.path("saksaar").asInt());
        mappe.setSakssekvensnummer(data.path("sakssekvensnummer").asInt());
        String saksdato = data.path("saksdato").asString("");
        mappe.setSaksdato(saksdato.length() >= 10 ? dates.newXMLGregorianCalendar(saksdato.substring(0, 10))
                : date(data.path("opprettetDato").asString()));
        AdministrativEnhet unit = new AdministrativEnhet();
        unit.setIdentifikator(data.path("administrativEnhet").asString(""));
        mappe.setAdministrativEnhet(unit);
        Saksansvarlig handler = new Saksansvarlig();
        handler.setIdentifikator(data.path("saksansvarlig").asString(""));
        mappe.setSaksansvarlig(handler);
        mappe.setSaksstatus(code(Saksstatus::new, data.path("saksstatus"), "B"));
        return mappe;
    }

    private Journalpost journalpost(Stored stored) {
        ObjectNode data = stored.data();
        Journalpost post = new Journalpost();
        post.setSystemID(Registrations.systemId(stored.systemId()));
        post.setOpprettetDato(instant(data.path("opprettetDato").asString()));
        post.setOpprettetAv(data.path("opprettetAv").asString("webcruiter-esa"));
        archive.get(stored.parentId()).ifPresent(saksmappe -> {
            ReferanseTilMappe parent = new ReferanseTilMappe();
            parent.setSystemID(Registrations.systemId(saksmappe.systemId()));
            parent.setMappeID(saksmappe.data().path("mappeID").asString());
            parent.setReferanseEksternNoekkel(key(saksmappe.data()));
            post.setReferanseForelderMappe(parent);
        });
        for (Stored beskrivelse : archive.children(stored.systemId(), "dokumentbeskrivelse")) {
            post.getDokumentbeskrivelse().add(dokumentbeskrivelse(beskrivelse));
        }
        post.setRegistreringsID(data.path("registreringsID").asString());
        post.setTittel(data.path("tittel").asString());
        post.setOffentligTittel(text(data, "offentligTittel"));
        post.setReferanseEksternNoekkel(key(data));
        post.setJournalaar(data.path("journalaar").asInt());
        post.setJournalsekvensnummer(data.path("journalsekvensnummer").asInt());
        post.setJournalpostnummer(data.path("journalpostnummer").asInt());
        post.setJournalposttype(code(Journalposttype::new, data.path("journalposttype"), "I"));
        post.setJournalstatus(code(Journalstatus::new, data.path("journalstatus"), "J"));
        post.setJournaldato(date(data.path("journaldato").asString(data.path("opprettetDato").asString())));
        return post;
    }

    private Dokumentbeskrivelse dokumentbeskrivelse(Stored stored) {
        ObjectNode data = stored.data();
        Dokumentbeskrivelse beskrivelse = new Dokumentbeskrivelse();
        beskrivelse.setSystemID(Registrations.systemId(stored.systemId()));
        beskrivelse.setDokumenttype(code(Dokumenttype::new, data.path("dokumenttype"), "B"));
        beskrivelse.setDokumentstatus(code(Dokumentstatus::new, data.path("dokumentstatus"), "F"));
        beskrivelse.setTittel(data.path("tittel").asString());
        beskrivelse.setOpprettetDato(instant(data.path("opprettetDato").asString()));
        beskrivelse.setOpprettetAv(data.path("opprettetAv").asString("webcruiter-esa"));
        beskrivelse.setTilknyttetRegistreringSom(code(TilknyttetRegistreringSom::new,
                data.path("tilknyttetRegistreringSom"), "H"));
        beskrivelse.setDokumentnummer(data.path("dokumentnummer").asInt());
        beskrivelse.setTilknyttetDato(instant(data.path("tilknyttetDato").asString(data.path("opprettetDato").asString())));
        beskrivelse.setTilknyttetAv(data.path("opprettetAv").asString("webcruiter-esa"));
        for (Stored objekt : archive.children(stored.systemId(), "dokumentobjekt")) {
            if (!objekt.data().hasNonNull("sjekksum")) {
                continue; // no file yet: nothing the archive can vouch for
            }
            beskrivelse.getDokumentobjekt().add(dokumentobjekt(objekt));
        }
        return beskrivelse;
    }

    private Dokumentobjekt dokumentobjekt(Stored stored) {
        ObjectNode data = stored.data();
        Dokumentobjekt objekt = new Dokumentobjekt();
        objekt.setSystemID(Registrations.systemId(stored.systemId()));
        objekt.setVersjonsnummer(data.path("versjonsnummer").asInt(1));
        objekt.setVariantformat(code(Variantformat::new, data.path("variantformat"), "A"));
        objekt.setFilnavn(data.path("filnavn").asString(""));
        objekt.setFormat(code(Format::new, data.path("format"), "ukjent"));
        objekt.setMimeType(text(data, "mimeType"));
        objekt.setOpprettetDato(instant(data.path("opprettetDato").asString()));
        objekt.setOpprettetAv(data.path("opprettetAv").asString("webcruiter-esa"));
        objekt.setReferanseDokumentfil(data.path("referanseDokumentfil").asString(stored.systemId()));
        objekt.setSjekksum(data.path("sjekksum").asString());
        objekt.setSjekksumAlgoritme(data.path("sjekksumAlgoritme").asString("SHA-256"));
        objekt.setFilstoerrelse(Math.toIntExact(data.path("filstoerrelse").asLong()));
        return objekt;
    }

    private static EksternNoekkel key(ObjectNode data) {
        JsonNode key = data.path("referanseEksternNoekkel");
        if (!key.isObject()) {
            return null;
        }
        EksternNoekkel noekkel = new EksternNoekkel();
        noekkel.setFagsystem(key.path("fagsystem").asString());
        noekkel.setNoekkel(key.path("noekkel").asString());
        return noekkel;
    }

    private static <T extends Kode> T code(Supplier<T> type, JsonNode node, String fallback) {
        T code = type.get();
        code.setKode(node.path("kode").asString(fallback));
        String name = node.path("kodenavn").asString("");
        code.setBeskrivelse(name.isEmpty() ? null : name);
        return code;
    }

    private XMLGregorianCalendar instant(String value) {
        return dates.newXMLGregorianCalendar(value == null || value.isEmpty() ? Instant.EPOCH.toString() : value);
    }

    /** A date from a stored instant (or date-time), in the archive's zone. */
    private XMLGregorianCalendar date(String value) {
        String day;
        try {
            day = Instant.parse(value).atZone(OSLO).toLocalDate().toString();
        } catch (RuntimeException e) {
            day = value.length() >= 10 ? value.substring(0, 10) : "1970-01-01";
        }
        return dates.newXMLGregorianCalendar(day);
    }

    private static String text(ObjectNode data, String field) {
        String value = data.path(field).asString("");
        return value.isEmpty() ? null : value;
    }
}
