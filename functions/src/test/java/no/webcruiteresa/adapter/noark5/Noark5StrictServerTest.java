package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.ServerProfile;
import no.webcruiteresa.simulator.SimulatorAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against the simulator's strict profile: the behaviour observed in the reference server
 * (nikita-noark5-core) that our own simulator used to forgive. One test per observed defect.
 */
class Noark5StrictServerTest {
    private static final SimulatorAuth.TestUser USER =
            new SimulatorAuth.TestUser("arkivar", "hemmelig", "webcruiter-esa", "klienthemmelighet", Duration.ofMinutes(5));
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
    private ArchiveSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldNameTheTokenUrlSetting_whenTheServersOpenIdConfigurationHasNoTokenEndpoint() {
        simulator = start(ServerProfile.STRICT, USER);
        Noark5Archive discovering = client(new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_PASSWORD, "arkivar",
                "hemmelig", "webcruiter-esa", "klienthemmelighet", null, null));
        Noark5Archive configured = client(new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_PASSWORD, "arkivar",
                "hemmelig", "webcruiter-esa", "klienthemmelighet", simulator.root().resolve("/oauth2/token"), null));

        assertThatThrownBy(() -> discovering.findCase("WEBCRUITER 1")).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("token URL");
        assertThat(configured.findCase("WEBCRUITER 1")).isEmpty();
    }

    @Test
    void shouldStartAFreshUploadOnANewDokumentobjekt_whenACutShortUploadSpentTheFirst() {
        simulator = start(ServerProfile.STRICT, null);
        Noark5Archive archive = client(Noark5Credentials.NONE);
        TestFiles files = new TestFiles(Map.of("soknad.pdf", pdf("søknad")));
        DocumentDrop drop = files.drop();
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

        assertThatThrownBy(() -> archive.archiveEntry(hiringCase, rules.entryFor(drop),
                name -> new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("the drop's file failed half-way");
                    }
                })).isInstanceOf(no.webcruiteresa.application.port.ArchiveUnavailableException.class);
        ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);

        assertThat(entry.files()).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(files.sha256("soknad.pdf")));
    }

    @Test
    void shouldRefuseToTakeAnotherCasesAnswer_whenTheServerIgnoresAFilterItCannotParse() {
        simulator = start(ServerProfile.STRICT, null);
        Noark5Archive archive = client(Noark5Credentials.NONE);
        archive.createCase(rules.caseFor(TestDrops.drop().build().posting(), LocalDate.of(2026, 11, 24)));
        simulator.faults().ignoreFiltersNext(1);

        assertThat(archive.findCase("WEBCRUITER 200")).isEmpty();
    }

    @Test
    void shouldFollowTheRootsOpenIdLink_relativeToTheApiRoot() {
        simulator = start(ServerProfile.STANDARD, USER);
        Noark5Archive archive = client(new Noark5Credentials(Noark5Credentials.Scheme.OAUTH2_CLIENT_CREDENTIALS, null,
                null, "webcruiter-esa", "klienthemmelighet", null, null));

        assertThat(archive.findCase("WEBCRUITER 1")).isEmpty();
    }

    @Test
    void shouldArchiveAWholeEntry_underEveryQuirkOfTheStrictProfile() {
        simulator = start(ServerProfile.STRICT, null);
        Noark5Archive archive = client(Noark5Credentials.NONE);
        TestFiles files = new TestFiles(Map.of("soknad.pdf", pdf("søknad"), "cv.pdf", pdf("cv")));
        DocumentDrop drop = files.drop();

        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));
        ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);

        assertThat(entry.files()).hasSize(2).allSatisfy(file ->
                assertThat(file.sha256()).isEqualTo(files.sha256(file.fileName())));
        assertThat(archive.findEntry("WEBCRUITER " + drop.documentId())).contains(entry);
    }

    @Test
    void shouldSendEveryDateFieldAsADatetime_asTheStandardTypesIt() {
        simulator = start(ServerProfile.STRICT, null);
        archiveOneEntry(client(Noark5Credentials.NONE));

        JsonNode saksmappe = stored("saksmappe");
        JsonNode journalpost = stored("journalpost");
        for (String date : new String[] {saksmappe.path("saksdato").asString(), journalpost.path("dokumentetsDato").asString(),
                journalpost.path("mottattDato").asString()}) {
            assertThat(OffsetDateTime.parse(date).atZoneSameInstant(ZoneId.of("Europe/Oslo")).toLocalTime())
                    .isEqualTo("00:00");
        }
    }

    @Test
    void shouldSendThePostcodeAsTheServerNamesIt_afterSeeingItDropped() {
        simulator = start(ServerProfile.STRICT, null);
        Noark5Archive archive = client(Noark5Credentials.NONE);
        TestFiles files = new TestFiles(Map.of("soknad.pdf", pdf("søknad")));
        DocumentDrop first = files.drop();
        DocumentDrop second = new DocumentDrop(first.form(), "WC201-100-2", first.title(), first.documentDate(),
                first.posting(), first.applicant(), first.files());
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(first.posting(), LocalDate.of(2026, 11, 24)));

        archive.archiveEntry(hiringCase, rules.entryFor(first), files::open);
        archive.archiveEntry(hiringCase, rules.entryFor(second), files::open);

        List<String> postcodes = JsonMapper.builder().build().readTree(simulator.contents().metadataJson())
                .findValues("postadresse").stream().map(a -> a.path("postnummer").asString("none")).toList();
        assertThat(postcodes).containsExactly("none", "7013");
    }

    @Test
    void shouldRegisterCorrespondentsByTheArkivstrukturRelations_andLeaveOutAKindTheServerDoesNotImplement() {
        simulator = start(ServerProfile.STRICT, null);
        archiveOneEntry(client(Noark5Credentials.NONE));

        assertThat(simulator.contents().entries()).singleElement()
                .satisfies(e -> assertThat(e.correspondents()).containsExactly("EA:Åse Ødegård"));
    }

    @Test
    void shouldRegisterItsCustomMetadataKeys_andSetThemByPatchAfterCreation() {
        simulator = start(ServerProfile.STRICT, null);
        archiveOneEntry(client(Noark5Credentials.NONE));

        assertThat(stored("saksmappe").path("virksomhetsspesifikkeMetadata").path("vnd-webcruiteresa-v1:tilleggsinfo")
                .asString()).isEqualTo("WEBCRUITER 100");
        JsonNode entryMetadata = stored("journalpost").path("virksomhetsspesifikkeMetadata");
        assertThat(entryMetadata.path("vnd-webcruiteresa-v1:journalstatus").asString()).isEqualTo("J1");
        assertThat(entryMetadata.path("vnd-webcruiteresa-v1:dokumentid").asString()).isEqualTo("WC201-100-1");
    }

    @Test
    void shouldRegisterWhichMetadataAreScreened_throughTheObjectsOwnLink_whenTheServerRefusesThemInTheBody() {
        simulator = start(ServerProfile.STRICT, null);
        archiveOneEntry(client(Noark5Credentials.NONE));

        JsonNode skjerming = stored("journalpost").path("skjerming");
        assertThat(skjerming.path("skjermingshjemmel").asString()).isEqualTo("Offl. § 25 første ledd");
        assertThat(skjerming.path("skjermingMetadata").findValuesAsString("kode")).containsExactly("TRO", "NA");
    }

    @Test
    void shouldArchiveWithoutCustomMetadata_whenTheServerHasNoPlaceForIt() {
        simulator = start(ServerProfile.STRICT, null);
        Noark5Archive archive = new Noark5Archive(settings(simulator).withCompatibility(new Noark5Compatibility(
                ZoneId.of("Europe/Oslo"), Set.of(), "vnd-webcruiteresa-v1")));
        simulator.faults().failNext("PATCH", ".*", 400, 100);

        ArchivedEntry entry = archiveOneEntry(archive);

        assertThat(entry.files()).hasSize(1);
        assertThat(stored("journalpost").has("virksomhetsspesifikkeMetadata")).isFalse();
    }

    @Test
    void shouldLeaveOutAnOptionalFieldTheServerRefuses_andNeverAMandatoryOne() {
        simulator = start(ServerProfile.STRICT.refusing(Set.of("saksmappe.administrativEnhet", "journalpost.tittel")), null);
        Noark5Archive archive = client(Noark5Credentials.NONE);
        TestFiles files = new TestFiles(Map.of("soknad.pdf", pdf("søknad")));
        DocumentDrop drop = files.drop();

        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));
        archive.createCase(rules.caseFor(new no.webcruiteresa.domain.Posting("101", "Rektor", "Byåsen", null),
                LocalDate.of(2026, 11, 24)));

        assertThat(stored("saksmappe").has("administrativEnhet")).isFalse();
        assertThat(stored("saksmappe").path("saksansvarlig").asString()).isEqualTo("WSANS");
        assertThatThrownBy(() -> archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open))
                .isInstanceOfSatisfying(ArchiveRejectedException.class, e -> assertThat(e.getMessage()).contains("tittel"));
    }

    @Test
    void shouldNeverSendAFieldTheOperatorOmits() {
        simulator = start(ServerProfile.STANDARD.refusing(Set.of("journalpost.mottattDato")), null);
        Noark5Archive archive = new Noark5Archive(settings(simulator).withCompatibility(new Noark5Compatibility(
                ZoneId.of("Europe/Oslo"), Set.of("journalpost.mottattDato"), "vnd-webcruiteresa-v1")));

        archiveOneEntry(archive);

        assertThat(stored("journalpost").has("mottattDato")).isFalse();
    }

    @Test
    void shouldRegisterAFormatTheServerLacks_throughNyFormat() {
        simulator = start(ServerProfile.STRICT, null);
        archiveOneEntry(client(Noark5Credentials.NONE));

        JsonNode objekt = stored("dokumentobjekt");
        assertThat(objekt.path("format").path("kode").asString()).isEqualTo("fmt/276");
    }

    @Test
    void shouldSendTheClosestKnownFormat_andRecordTheRealOne_whenTheServerWillNotRegisterIt() {
        simulator = start(ServerProfile.STRICT, null);
        simulator.faults().failNext("POST", "/ny-format$", 403, 1);

        archiveOneEntry(client(Noark5Credentials.NONE));

        assertThat(stored("dokumentobjekt").path("format").path("kode").asString()).isEqualTo("fmt/18");
        assertThat(stored("dokumentbeskrivelse").path("beskrivelse").asString()).contains("fmt/276", "PDF 1.7");
    }

    @Test
    void shouldTreatAnErrorBodyInAnOkAnswerAsAnError_neverAsNotFound() {
        simulator = start(ServerProfile.STRICT, null);
        // Created by another instance: this one remembers the cases it made and would not look this one up.
        client(Noark5Credentials.NONE).createCase(rules.caseFor(TestDrops.drop().build().posting(), LocalDate.of(2026, 11, 24)));
        Noark5Archive archive = client(Noark5Credentials.NONE);
        simulator.faults().errorInOkNext("GET", ".*/saksmappe$", 1);

        assertThatThrownBy(() -> archive.findCase("WEBCRUITER 100")).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("\"status\":400").hasMessageNotContaining("injected query failure");
        assertThat(archive.findCase("WEBCRUITER 100")).isPresent();
    }

    @Test
    void shouldReadAListPastItsFirstPage_whenTheServersNextLinkIsBroken() {
        simulator = start(ServerProfile.STRICT, null, 2);
        Noark5Archive archive = client(Noark5Credentials.NONE);
        Map<String, String> contents = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            contents.put(i == 1 ? "soknad.pdf" : "vedlegg" + i + ".pdf", pdf("fil " + i));
        }
        TestFiles files = new TestFiles(contents);
        DocumentDrop drop = files.drop();
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));

        ArchivedEntry entry = archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);
        ArchivedEntry again = archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);

        assertThat(entry.files()).hasSize(5);
        assertThat(again).isEqualTo(entry);
        assertThat(simulator.contents().documents()).hasSize(5);
    }

    /** Content that a server parsing PDFs takes as whole: a header and an end-of-file marker. */
    static String pdf(String text) {
        return "%PDF-1.7\n% " + text + "\n%%EOF\n";
    }

    private ArchivedEntry archiveOneEntry(Noark5Archive archive) {
        TestFiles files = new TestFiles(Map.of("soknad.pdf", pdf("søknad")));
        DocumentDrop drop = files.drop();
        ArchivedCase hiringCase = archive.createCase(rules.caseFor(drop.posting(), LocalDate.of(2026, 11, 24)));
        return archive.archiveEntry(hiringCase, rules.entryFor(drop), files::open);
    }

    /** The one object of a kind the simulator holds, as stored. */
    private JsonNode stored(String kind) {
        JsonNode all = JsonMapper.builder().build().readTree(simulator.contents().metadataJson());
        for (JsonNode object : all) {
            if (object.path("_type").asString("").equals(kind)) {
                return object;
            }
        }
        throw new AssertionError("no " + kind + " stored");
    }

    private Noark5Archive client(Noark5Credentials credentials) {
        return new Noark5Archive(settings(simulator).withCredentials(credentials));
    }

    private static Noark5Settings settings(ArchiveSimulator simulator) {
        return new Noark5Settings(simulator.root(), Noark5Credentials.NONE, RetryPolicy.NONE, Duration.ofSeconds(2),
                Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker");
    }

    private static ArchiveSimulator start(ServerProfile profile, SimulatorAuth.TestUser user) {
        return start(profile, user, 10);
    }

    private static ArchiveSimulator start(ServerProfile profile, SimulatorAuth.TestUser user, int pageSize) {
        return ArchiveSimulator.start(InetAddress.getLoopbackAddress(), 0, null, pageSize, user, profile);
    }
}
