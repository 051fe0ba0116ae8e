package no.webcruiteresa.simulator.fiksarkiv;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.ArkivmeldingKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.DokumentbeskrivelseKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.DokumentobjektKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.JournalpostKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.ObjectFactory;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.OpprettetEllerEksisterende;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.kvittering.v1.SaksmappeKvittering;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Arkivmelding;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Dokumentbeskrivelse;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Dokumentobjekt;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Journalpost;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Korrespondansepart;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Saksmappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.EksternNoekkel;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Identifikatorer;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.Kode;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.ReferanseTilMappe;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.metadatakatalog.v1.SystemID;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;
import no.webcruiteresa.simulator.FiksArkivAccess;
import no.webcruiteresa.simulator.FiksArkivAccess.Stored;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies arkivmelding.opprett to the archive: a saksmappe filed under the named arkivdel's class, or a journalpost
 * with its correspondents, documents and files in the saksmappe it refers to. Like a real archive it does not
 * deduplicate by external key: a second opprett makes a twin, so only the client's lookups keep things single.
 */
final class Registrations {
    private final FiksArkivAccess archive;

    Registrations(FiksArkivAccess archive) {
        this.archive = archive;
    }

    /** @param files the package's files by name, spooled to disk */
    byte[] opprett(Arkivmelding melding, Map<String, Path> files) throws IOException {
        if (melding.getMappe() != null && melding.getRegistrering() != null) {
            throw Refusal.invalid("the simulator takes a mappe or a registrering per message, not both");
        }
        if (melding.getAntallFiler() != files.size()) {
            throw Refusal.invalid("antallFiler is " + melding.getAntallFiler() + ", the package holds " + files.size());
        }
        ArkivmeldingKvittering kvittering = new ArkivmeldingKvittering();
        if (melding.getMappe() instanceof Saksmappe mappe) {
            kvittering.setMappeKvittering(saksmappe(mappe));
        } else if (melding.getRegistrering() instanceof Journalpost post) {
            kvittering.setRegistreringKvittering(journalpost(post, files));
        } else {
            throw Refusal.invalid("the simulator takes a saksmappe or a journalpost");
        }
        return FiksArkivXml.instance().write(new ObjectFactory().createArkivmeldingKvittering(kvittering));
    }

    /** arkivmelding.oppdater for a saksmappe: only the saksstatus is applied (what closing a case needs). */
    void oppdater(io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.oppdater.v1.ArkivmeldingOppdatering melding) {
        if (!(melding.getMappeOppdateringer()
                instanceof io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.oppdater.v1.SaksmappeOppdatering update)) {
            throw Refusal.invalid("the simulator updates saksmapper only");
        }
        Stored saksmappe = Lookups.saksmappe(archive, update.getReferanseTilMappe())
                .orElseThrow(() -> Refusal.notFound("no saksmappe with that reference"));
        if (update.getSaksstatus() == null) {
            throw Refusal.invalid("the simulator updates the saksstatus only, and none was given");
        }
        putCode(saksmappe.data(), "saksstatus", update.getSaksstatus());
        archive.updated();
    }

    private SaksmappeKvittering saksmappe(Saksmappe mappe) {
        if (mappe.getArkivdel() == null || mappe.getKlassifikasjon().isEmpty()) {
            throw Refusal.invalid("a saksmappe needs its arkivdel and a klassifikasjon");
        }
        String arkivdel = mappe.getArkivdel().getKode();
        String klasseId = mappe.getKlassifikasjon().get(0).getKlasseID();
        Stored klasse = archive.all("arkivdel").stream().filter(d -> arkivdel.equals(d.data().path("tittel").asString("")))
                .flatMap(d -> archive.children(d.systemId(), "klassifikasjonssystem").stream())
                .flatMap(s -> archive.children(s.systemId(), "klasse").stream())
                .filter(k -> klasseId.equals(k.data().path("klasseID").asString(""))).findFirst()
                .orElseThrow(() -> Refusal.notFound("no class " + klasseId + " in arkivdel " + arkivdel));
        ObjectNode data = archive.json().createObjectNode()
                .put("tittel", mappe.getTittel())
                .put("offentligTittel", mappe.getOffentligTittel())
                .put("beskrivelse", mappe.getBeskrivelse())
                .put("saksdato", mappe.getSaksdato() == null ? null : mappe.getSaksdato().toXMLFormat());
        putIdentifier(data, "administrativEnhet", mappe.getAdministrativEnhet());
        putIdentifier(data, "saksansvarlig", mappe.getSaksansvarlig());
        putCode(data, "saksstatus", mappe.getSaksstatus());
        putCode(data, "dokumentmedium", mappe.getDokumentmedium());
        putKey(data, mappe.getReferanseEksternNoekkel());
        Stored created = archive.create("saksmappe", klasse.systemId(), data);
        SaksmappeKvittering kvittering = new SaksmappeKvittering();
        kvittering.setSystemID(systemId(created.systemId()));
        kvittering.setMappeID(created.data().path("mappeID").asString());
        kvittering.setSaksaar(created.data().path("saksaar").asInt());
        kvittering.setSakssekvensnummer(created.data().path("sakssekvensnummer").asInt());
        kvittering.setReferanseEksternNoekkel(mappe.getReferanseEksternNoekkel());
        kvittering.setOpprettetEllerEksisterende(OpprettetEllerEksisterende.OPPRETTET);
        return kvittering;
    }

    private JournalpostKvittering journalpost(Journalpost post, Map<String, Path> files) throws IOException {
        Stored saksmappe = Lookups.saksmappe(archive, post.getReferanseForelderMappe())
                .orElseThrow(() -> Refusal.notFound("the saksmappe the journalpost refers to is not in the archive"));
        for (Dokumentbeskrivelse beskrivelse : post.getDokumentbeskrivelse()) {
            for (Dokumentobjekt objekt : beskrivelse.getDokumentobjekt()) {
                Path file = files.get(objekt.getReferanseDokumentfil());
                if (file == null) {
                    throw Refusal.invalid("dokumentobjekt refers to a file the package lacks");
                }
                if (objekt.getSjekksum() != null && !objekt.getSjekksum().equalsIgnoreCase(sha256(file))) {
                    throw Refusal.invalid("a file's checksum is not the one its dokumentobjekt declares");
                }
            }
        }
        ObjectNode data = archive.json().createObjectNode()
                .put("tittel", post.getTittel())
                .put("offentligTittel", post.getOffentligTittel())
                .put("beskrivelse", post.getBeskrivelse())
                .put("dokumentetsDato", post.getDokumentetsDato() == null ? null : post.getDokumentetsDato().toXMLFormat());
        if (post.getMottattDato() != null) {
            data.put("mottattDato", post.getMottattDato().toXMLFormat());
        }
        if (post.getSendtDato() != null) {
            data.put("sendtDato", post.getSendtDato().toXMLFormat());
        }
        putCode(data, "journalposttype", post.getJournalposttype());
        putCode(data, "journalstatus", post.getJournalstatus());
        if (post.getSkjerming() != null) {
            ObjectNode skjerming = data.putObject("skjerming");
            putCode(skjerming, "tilgangsrestriksjon", post.getSkjerming().getTilgangsrestriksjon());
            skjerming.put("skjermingshjemmel", post.getSkjerming().getSkjermingshjemmel());
        }
        putKey(data, post.getReferanseEksternNoekkel());
        Stored journalpost = archive.create("journalpost", saksmappe.systemId(), data);
        for (Korrespondansepart part : post.getKorrespondansepart()) {
            korrespondansepart(journalpost, part);
        }
        JournalpostKvittering kvittering = new JournalpostKvittering();
        String noekkel = post.getReferanseEksternNoekkel() == null ? null : post.getReferanseEksternNoekkel().getNoekkel();
        for (Dokumentbeskrivelse beskrivelse : post.getDokumentbeskrivelse()) {
            kvittering.getDokumentbeskrivelseKvittering().add(dokument(journalpost, beskrivelse, noekkel, files));
        }
        kvittering.setSystemID(systemId(journalpost.systemId()));
        kvittering.setRegistreringsID(journalpost.data().path("registreringsID").asString());
        kvittering.setJournalaar(journalpost.data().path("journalaar").asInt());
        kvittering.setJournalsekvensnummer(journalpost.data().path("journalsekvensnummer").asInt());
        kvittering.setJournalpostnummer(journalpost.data().path("journalpostnummer").asInt());
        kvittering.setReferanseEksternNoekkel(post.getReferanseEksternNoekkel());
        kvittering.setOpprettetEllerEksisterende(OpprettetEllerEksisterende.OPPRETTET);
        return kvittering;
    }

    private void korrespondansepart(Stored journalpost, Korrespondansepart part) {
        ObjectNode data = archive.json().createObjectNode();
        putCode(data, "korrespondanseparttype", part.getKorrespondanseparttype());
        if (part.getSaksbehandler() != null) {
            data.put("saksbehandler", part.getKorrespondansepartNavn());
            putIdentifier(data, "administrativEnhet", part.getAdministrativEnhet());
            archive.create("korrespondansepartintern", journalpost.systemId(), data);
            return;
        }
        data.put("navn", part.getKorrespondansepartNavn());
        ObjectNode address = data.putObject("postadresse");
        for (int i = 0; i < part.getPostadresse().size(); i++) {
            address.put("adresselinje" + (i + 1), part.getPostadresse().get(i));
        }
        address.put("postnr", part.getPostnummer()).put("poststed", part.getPoststed());
        if (part.getLandkode() != null) {
            address.put("landkode", part.getLandkode().getKode());
        }
        if (Boolean.TRUE.equals(part.isErSkjermet())) {
            data.put("erSkjermet", true);
        }
        archive.create("korrespondansepartperson", journalpost.systemId(), data);
    }

    private DokumentbeskrivelseKvittering dokument(Stored journalpost, Dokumentbeskrivelse beskrivelse, String noekkel,
                                                   Map<String, Path> files) throws IOException {
        ObjectNode data = archive.json().createObjectNode()
                .put("tittel", beskrivelse.getTittel())
                .put("eksternReferanse", noekkel);
        if (beskrivelse.getDokumentnummer() != null) {
            data.put("dokumentnummer", beskrivelse.getDokumentnummer());
        }
        putCode(data, "dokumenttype", beskrivelse.getDokumenttype());
        putCode(data, "dokumentstatus", beskrivelse.getDokumentstatus());
        putCode(data, "tilknyttetRegistreringSom", beskrivelse.getTilknyttetRegistreringSom());
        if (beskrivelse.getSkjerming() != null) {
            ObjectNode skjerming = data.putObject("skjerming");
            putCode(skjerming, "tilgangsrestriksjon", beskrivelse.getSkjerming().getTilgangsrestriksjon());
            skjerming.put("skjermingshjemmel", beskrivelse.getSkjerming().getSkjermingshjemmel());
        }
        Stored stored = archive.create("dokumentbeskrivelse", journalpost.systemId(), data);
        DokumentbeskrivelseKvittering kvittering = new DokumentbeskrivelseKvittering();
        kvittering.setSystemID(systemId(stored.systemId()));
        kvittering.setDokumentnummer(stored.data().path("dokumentnummer").asInt());
        for (Dokumentobjekt objekt : beskrivelse.getDokumentobjekt()) {
            ObjectNode objektData = archive.json().createObjectNode()
                    .put("versjonsnummer", objekt.getVersjonsnummer() == null ? 1 : objekt.getVersjonsnummer())
                    .put("filnavn", objekt.getFilnavn())
                    .put("mimeType", objekt.getMimeType())
                    .put("referanseDokumentfil", objekt.getReferanseDokumentfil());
            putCode(objektData, "variantformat", objekt.getVariantformat());
            putCode(objektData, "format", objekt.getFormat());
            Stored storedObject = archive.create("dokumentobjekt", stored.systemId(), objektData);
            Path file = files.get(objekt.getReferanseDokumentfil());
            FiksArkivAccess.StoredFile received;
            try (InputStream in = Files.newInputStream(file)) {
                received = archive.receiveFile(storedObject.systemId(), in, Files.size(file));
            }
            if (objekt.getSjekksum() != null && !objekt.getSjekksum().equalsIgnoreCase(received.sha256())) {
                throw Refusal.invalid("a file's checksum is not the one its dokumentobjekt declares");
            }
            storedObject.data().put("sjekksum", received.sha256()).put("sjekksumAlgoritme", "SHA-256")
                    .put("filstoerrelse", received.size());
            archive.updated();
            DokumentobjektKvittering objektKvittering = new DokumentobjektKvittering();
            objektKvittering.setSystemID(systemId(storedObject.systemId()));
            objektKvittering.setVersjonsnummer(storedObject.data().path("versjonsnummer").asInt());
            objektKvittering.setVariantformat(objekt.getVariantformat());
            kvittering.getDokumentobjekt().add(objektKvittering);
        }
        return kvittering;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SystemID systemId(String value) {
        SystemID id = new SystemID();
        id.setValue(value);
        return id;
    }

    private static void putCode(ObjectNode data, String field, Kode code) {
        if (code != null) {
            ObjectNode node = data.putObject(field).put("kode", code.getKode());
            if (code.getBeskrivelse() != null) {
                node.put("kodenavn", code.getBeskrivelse());
            }
        }
    }

    private static void putIdentifier(ObjectNode data, String field, Identifikatorer identifier) {
        if (identifier != null) {
            data.put(field, Optional.ofNullable(identifier.getIdentifikator()).orElse(identifier.getNavn()));
        }
    }

    private static void putKey(ObjectNode data, EksternNoekkel key) {
        if (key != null) {
            data.putObject("referanseEksternNoekkel").put("fagsystem", key.getFagsystem()).put("noekkel", key.getNoekkel());
        }
    }

    static boolean sameKey(ObjectNode data, EksternNoekkel key) {
        return key != null && key.getFagsystem().equals(data.path("referanseEksternNoekkel").path("fagsystem").asString(""))
                && key.getNoekkel().equals(data.path("referanseEksternNoekkel").path("noekkel").asString(""));
    }

    static boolean refersTo(ReferanseTilMappe reference, Stored saksmappe) {
        if (reference.getSystemID() != null && reference.getSystemID().getValue().equals(saksmappe.systemId())) {
            return true;
        }
        return reference.getReferanseEksternNoekkel() != null && sameKey(saksmappe.data(), reference.getReferanseEksternNoekkel());
    }
}
