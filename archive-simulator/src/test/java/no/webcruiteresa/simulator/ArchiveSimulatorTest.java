package no.webcruiteresa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's strictness, seen over the wire: each rule here is one a real Noark 5 server enforces. */
class ArchiveSimulatorTest {
    private static final String NOARK = "application/vnd.noark5+json";
    private static final String REL = "https://rel.arkivverket.no/noark5/v5/api/";
    private static final String SAKSMAPPE = "{\"tittel\":\"Lærer\",\"beskrivelse\":\"WEBCRUITER 1\","
            + "\"saksstatus\":{\"kode\":\"B\",\"kodenavn\":\"Under behandling\"}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private ArchiveSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ArchiveSimulator.start(0, null, 2);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldOfferBothApiModulesAtTheRoot() throws Exception {
        JsonNode root = get(simulator.root().toString());

        assertThat(root.path("_links").has(REL + "arkivstruktur/")).isTrue();
        assertThat(root.path("_links").has(REL + "sakarkiv/")).isTrue();
    }

    @Test
    void shouldRefusePlainJson_withTheRightStatusForEachDirection() throws Exception {
        String newCase = newCaseLink();

        assertThat(send("POST", newCase, "application/json", SAKSMAPPE, NOARK).statusCode()).isEqualTo(415);
        assertThat(send("GET", simulator.root().toString(), null, null, "application/json").statusCode()).isEqualTo(406);
    }

    @Test
    void shouldRefuseUnknownFieldsWrongCodeNamesAndMissingFields() throws Exception {
        String newCase = newCaseLink();

        HttpResponse<String> unknown = post(newCase, SAKSMAPPE.replaceFirst("\\{", "{\"foedselsdato\":\"1988-03-14\","));
        HttpResponse<String> wrongName = post(newCase, SAKSMAPPE.replace("Under behandling", "Pågår"));
        HttpResponse<String> missing = post(newCase, SAKSMAPPE.replace("\"tittel\":\"Lærer\",", ""));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("foedselsdato");
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(wrongName.body()).contains("Under behandling");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("tittel");
        assertThat(simulator.contents().cases()).isEmpty();
    }

    @Test
    void shouldNumberCasesByYearAndSequence_andOfferTemplatesOnNewLinks() throws Exception {
        String newCase = newCaseLink();

        JsonNode template = get(newCase);
        JsonNode first = json.readTree(post(newCase, SAKSMAPPE).body());
        JsonNode second = json.readTree(post(newCase, SAKSMAPPE).body());

        assertThat(template.has("_links")).isTrue();
        assertThat(first.path("mappeID").asString()).isEqualTo(Year.now().getValue() + "/1");
        assertThat(second.path("mappeID").asString()).isEqualTo(Year.now().getValue() + "/2");
        assertThat(first.path("systemID").asString()).isNotEqualTo(second.path("systemID").asString());
    }

    @Test
    void shouldComputeTheChecksumAndAcceptOneUploadPerDocumentObject() throws Exception {
        String fil = fileLink();

        HttpResponse<String> first = send("POST", fil, "application/pdf", "%PDF-1.7 x", NOARK);
        HttpResponse<String> second = send("POST", fil, "application/pdf", "%PDF-1.7 y", NOARK);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode objekt = json.readTree(first.body());
        assertThat(objekt.path("sjekksum").asString()).isEqualTo(sha256("%PDF-1.7 x"));
        assertThat(objekt.path("filstoerrelse").asLong()).isEqualTo(10);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(simulator.contents().documents()).singleElement()
                .satisfies(d -> assertThat(new String(d.content(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 x"));
    }

    @Test
    void shouldAnswerFilterErrorsWithHttp200AndAnErrorBody_andPageLongLists() throws Exception {
        String cases = get(get(simulator.root().toString()).path("_links").path(REL + "sakarkiv/").path("href").asString())
                .path("_links").path(REL + "sakarkiv/saksmappe/").path("href").asString();
        String newCase = newCaseLink();
        for (int i = 0; i < 3; i++) {
            post(newCase, SAKSMAPPE);
        }

        HttpResponse<String> badFilter = send("GET", cases + "?$filter=" + enc("tittel like 'x'"), null, null, NOARK);
        JsonNode page1 = get(cases + "?$filter=" + enc("beskrivelse eq 'WEBCRUITER 1'"));
        JsonNode page2 = get(page1.path("_links").path("next").path("href").asString());

        assertThat(badFilter.statusCode()).isEqualTo(200);
        assertThat(json.readTree(badFilter.body()).has("error")).isTrue();
        assertThat(page1.path("count").asInt()).isEqualTo(3);
        assertThat(page1.path("results").size()).isEqualTo(2);
        assertThat(page2.path("results").size()).isEqualTo(1);
        assertThat(page2.path("_links").has("next")).isFalse();
    }

    @Test
    void shouldRequireTheCurrentETagForAnUpdate() throws Exception {
        JsonNode created = json.readTree(post(newCaseLink(), SAKSMAPPE).body());
        String self = created.path("_links").path("self").path("href").asString();
        HttpResponse<String> read = send("GET", self, null, null, NOARK);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String change = SAKSMAPPE.replaceFirst("\\{", "{\"offentligTittel\":\"Lærer (endret)\",");

        HttpResponse<String> withoutIfMatch = send("PUT", self, NOARK, change, NOARK);
        HttpResponse<String> updated = putIfMatch(self, etag, change);
        HttpResponse<String> stale = putIfMatch(self, etag, change);

        assertThat(withoutIfMatch.statusCode()).isEqualTo(428);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).path("offentligTittel").asString()).isEqualTo("Lærer (endret)");
        assertThat(updated.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(stale.statusCode()).isEqualTo(412);
    }

    private HttpResponse<String> putIfMatch(String uri, String etag, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", NOARK).header("Content-Type", NOARK)
                .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldKeepItsArchiveOnDisk_andContinueNumberingAfterARestart(@TempDir Path dataDir) throws Exception {
        simulator.close();
        simulator = ArchiveSimulator.start(0, dataDir, 10);
        post(newCaseLink(), SAKSMAPPE);
        String fil = fileLink();
        send("POST", fil, "application/pdf", "%PDF-1.7 kept", NOARK);
        simulator.close();

        simulator = ArchiveSimulator.start(0, dataDir, 10);
        JsonNode next = json.readTree(post(newCaseLink(), SAKSMAPPE).body());

        assertThat(simulator.contents().cases()).hasSize(3);
        assertThat(next.path("mappeID").asString()).endsWith("/3");
        assertThat(simulator.contents().documents()).singleElement()
                .satisfies(d -> assertThat(d.content()).isEqualTo("%PDF-1.7 kept".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRefuseADateWhereTheStandardTypesADatetime() throws Exception {
        HttpResponse<String> date = post(newCaseLink(), SAKSMAPPE.replaceFirst("\\{", "{\"saksdato\":\"2026-11-24\","));
        HttpResponse<String> dateTime = post(newCaseLink(),
                SAKSMAPPE.replaceFirst("\\{", "{\"saksdato\":\"2026-11-24T00:00+01:00\","));

        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("saksdato", "datetime");
        assertThat(dateTime.statusCode()).isEqualTo(201);
    }

    @Test
    void strict_shouldTakeCustomMetadataOnlyAsAnAddOperationAtTheArkivstrukturAddress_onceItsKeyIsRegistered()
            throws Exception {
        restart(ServerProfile.STRICT);
        String custom = "\"virksomhetsspesifikkeMetadata\":{\"vnd-test-v1:felt\":\"x\"}";
        HttpResponse<String> inCreate = post(newCaseLink(), SAKSMAPPE.replaceFirst("\\{", "{" + custom + ","));
        JsonNode saksmappe = json.readTree(post(newCaseLink(), SAKSMAPPE).body());
        String self = link(saksmappe, "sakarkiv/saksmappe/");
        String alias = saksmappe.path("_links").path(ReferenceServerQuirks.NY_SKJERMINGMETADATA).path("href").asString()
                .replace("/ny-skjermingmetadata", "");
        String operation = "[{\"op\":\"add\",\"path\":\"x\",\"value\":{" + custom + "}}]";

        int unregistered = send("PATCH", alias, NOARK, operation, NOARK).statusCode();
        post(simulator.root() + "api/metadata/ny-virksomhetsspesifikkeMetadata", "{\"navn\":\"vnd-test-v1:felt\",\"type\":\"string\"}");

        assertThat(inCreate.statusCode()).isEqualTo(400);
        assertThat(unregistered).isEqualTo(400);
        assertThat(send("PATCH", self, "application/merge-patch+json", "{" + custom + "}", NOARK).statusCode()).isEqualTo(415);
        assertThat(send("PATCH", self, NOARK, operation, NOARK).statusCode()).isEqualTo(405);
        assertThat(send("PATCH", alias, NOARK, operation, NOARK).statusCode()).isEqualTo(200);
        assertThat(get(self).path("virksomhetsspesifikkeMetadata").path("vnd-test-v1:felt").asString()).isEqualTo("x");
    }

    @Test
    void strict_shouldRefuseSkjermingMetadataInsideSkjerming_andTakeItThroughItsOwnLink() throws Exception {
        restart(ServerProfile.STRICT);
        String skjerming = "\"skjerming\":{\"tilgangsrestriksjon\":{\"kode\":\"P\",\"kodenavn\":\"Personalsaker\"},"
                + "\"skjermingshjemmel\":\"Offl. § 25\"";
        String codes = ",\"skjermingMetadata\":[{\"kode\":\"NPS\",\"kodenavn\":\"Skjerming navn part i sak\"}]}";

        HttpResponse<String> inBody = post(newCaseLink(), SAKSMAPPE.replaceFirst("\\{", "{" + skjerming + codes + ","));
        JsonNode saksmappe = json.readTree(post(newCaseLink(), SAKSMAPPE.replaceFirst("\\{", "{" + skjerming + "},")).body());
        HttpResponse<String> added = post(saksmappe.path("_links").path(ReferenceServerQuirks.NY_SKJERMINGMETADATA)
                .path("href").asString(), "{\"kode\":\"NPS\"}");

        assertThat(inBody.statusCode()).isEqualTo(400);
        assertThat(inBody.body()).contains("left over");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(get(link(saksmappe, "sakarkiv/saksmappe/")).path("skjerming").path("skjermingMetadata")
                .findValuesAsString("kode")).containsExactly("NPS");
    }

    @Test
    void strict_shouldAnswerQueryErrorsInAnOkBody_andBreakTheNextLinksOfUnfilteredLists() throws Exception {
        restart(ServerProfile.STRICT);
        for (int i = 0; i < 3; i++) {
            post(newCaseLink(), SAKSMAPPE);
        }
        String cases = simulator.root() + "api/sakarkiv/saksmappe";

        HttpResponse<String> top = send("GET", cases + "?$top=1", null, null, NOARK);
        JsonNode unfiltered = get(cases);
        JsonNode filtered = get(cases + "?$filter=" + enc("beskrivelse eq 'WEBCRUITER 1'"));

        assertThat(top.statusCode()).isEqualTo(200);
        assertThat(json.readTree(top.body()).path("status").asInt()).isEqualTo(400);
        assertThat(unfiltered.path("_links").path("next").path("href").asString()).contains("/&$skip=2");
        assertThat(send("GET", unfiltered.path("_links").path("next").path("href").asString(), null, null, NOARK)
                .statusCode()).isEqualTo(404);
        assertThat(get(filtered.path("_links").path("next").path("href").asString()).path("results")).hasSize(1);
    }

    @Test
    void strict_shouldRefuseAnUnregisteredFormatAndABrokenPdf_andSpendTheObjectThatTookIt() throws Exception {
        restart(ServerProfile.STRICT);
        String format = "{\"kode\":\"fmt/276\",\"kodenavn\":\"PDF 1.7\"}";

        HttpResponse<String> unknownFormat = send("POST", objectLink(), NOARK, OBJEKT, NOARK);
        HttpResponse<String> registered = post(simulator.root() + "api/metadata/ny-format", format);
        String file = fileLink();
        HttpResponse<String> broken = send("POST", file, "application/pdf", "%PDF-1.7 cut short", NOARK);
        HttpResponse<String> whole = send("POST", file, "application/pdf", "%PDF-1.7\n%%EOF\n", NOARK);

        assertThat(unknownFormat.statusCode()).isEqualTo(400);
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(whole.statusCode()).as("the object is spent").isEqualTo(400);
    }

    @Test
    void strict_shouldDropPostnrSilently_andNotImplementInternalCorrespondents() throws Exception {
        restart(ServerProfile.STRICT);
        JsonNode journalpost = journalpost();
        String person = "{\"korrespondanseparttype\":{\"kode\":\"EA\",\"kodenavn\":\"Avsender\"},\"navn\":\"Test\","
                + "\"postadresse\":{\"postnr\":\"7013\",\"poststed\":\"Trondheim\"}}";

        JsonNode created = json.readTree(post(link(journalpost, "arkivstruktur/ny-korrespondansepartperson/"), person).body());
        HttpResponse<String> internal = post(link(journalpost, "arkivstruktur/ny-korrespondansepartintern/"),
                "{\"korrespondanseparttype\":{\"kode\":\"IM\",\"kodenavn\":\"Intern mottaker\"}}");

        assertThat(created.path("postadresse").has("postnr")).isFalse();
        assertThat(created.path("postadresse").path("poststed").asString()).isEqualTo("Trondheim");
        assertThat(internal.statusCode()).isEqualTo(501);
    }

    @Test
    void strict_shouldListMembersInSystemIdOrder_notInTheOrderTheyWereMade() throws Exception {
        restart(ServerProfile.STRICT);
        JsonNode saksmappe = json.readTree(post(newCaseLink(), SAKSMAPPE).body());
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            made.add(json.readTree(post(link(saksmappe, "sakarkiv/ny-journalpost/"),
                    "{\"tittel\":\"Søknad\",\"journalposttype\":{\"kode\":\"I\",\"kodenavn\":\"Inngående dokument\"},"
                            + "\"journalstatus\":{\"kode\":\"J\",\"kodenavn\":\"Journalført\"}}").body())
                    .path("systemID").asString());
        }

        JsonNode firstPage = get(link(saksmappe, "sakarkiv/journalpost/"));

        List<String> listed = new java.util.ArrayList<>();
        firstPage.path("results").forEach(r -> listed.add(r.path("systemID").asString()));
        assertThat(listed).containsExactlyElementsOf(made.stream().sorted().limit(2).toList());
    }

    private void restart(ServerProfile profile) {
        simulator.close();
        simulator = ArchiveSimulator.start(java.net.InetAddress.getLoopbackAddress(), 0, null, 2, null, profile);
    }

    private String newCaseLink() throws Exception {
        JsonNode arkivstruktur = get(get(simulator.root().toString()).path("_links").path(REL + "arkivstruktur/")
                .path("href").asString());
        JsonNode arkivdel = get(arkivstruktur.path("_links").path(REL + "arkivstruktur/arkivdel/").path("href").asString()
                + "?$filter=" + enc("tittel eq 'EL-SAKARKI'")).path("results").get(0);
        JsonNode system = get(arkivdel.path("_links").path(REL + "arkivstruktur/klassifikasjonssystem/").path("href")
                .asString()).path("results").get(0);
        JsonNode klasse = get(system.path("_links").path(REL + "arkivstruktur/klasse/").path("href").asString()
                + "?$filter=" + enc("klasseID eq '410'")).path("results").get(0);
        return klasse.path("_links").path(REL + "sakarkiv/ny-saksmappe/").path("href").asString();
    }

    private static final String OBJEKT = "{\"versjonsnummer\":1,\"variantformat\":{\"kode\":\"P\",\"kodenavn\":"
            + "\"Produksjonsformat\"},\"format\":{\"kode\":\"fmt/276\",\"kodenavn\":\"PDF 1.7\"},\"mimeType\":"
            + "\"application/pdf\",\"filnavn\":\"soknad.pdf\"}";

    private JsonNode journalpost() throws Exception {
        JsonNode saksmappe = json.readTree(post(newCaseLink(), SAKSMAPPE).body());
        return json.readTree(post(link(saksmappe, "sakarkiv/ny-journalpost/"),
                "{\"tittel\":\"Søknad\",\"journalposttype\":{\"kode\":\"I\",\"kodenavn\":\"Inngående dokument\"},"
                        + "\"journalstatus\":{\"kode\":\"J\",\"kodenavn\":\"Journalført\"}}").body());
    }

    /** The ny-dokumentobjekt link of a new document in a new entry. */
    private String objectLink() throws Exception {
        JsonNode beskrivelse = json.readTree(post(link(journalpost(), "arkivstruktur/ny-dokumentbeskrivelse/"),
                "{\"tittel\":\"Søknad\",\"dokumenttype\":{\"kode\":\"B\",\"kodenavn\":\"Brev\"},"
                        + "\"dokumentstatus\":{\"kode\":\"F\",\"kodenavn\":\"Dokumentet er ferdigstilt\"},"
                        + "\"tilknyttetRegistreringSom\":{\"kode\":\"H\",\"kodenavn\":\"Hoveddokument\"}}").body());
        return link(beskrivelse, "arkivstruktur/ny-dokumentobjekt/");
    }

    private String fileLink() throws Exception {
        JsonNode objekt = json.readTree(post(objectLink(), OBJEKT).body());
        return link(objekt, "arkivstruktur/fil/");
    }

    private static String link(JsonNode resource, String rel) {
        return resource.path("_links").path(REL + rel).path("href").asString();
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> response = send("GET", uri, null, null, NOARK);
        assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String uri, String body) throws IOException, InterruptedException {
        return send("POST", uri, NOARK, body, NOARK);
    }

    private HttpResponse<String> send(String method, String uri, String contentType, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha256(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
