package no.webcruiteresa.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The HTML view for people: what the public journal may show, and that it shows it in a real browser. */
class HtmlViewTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final JsonMapper json = JsonMapper.builder().build();
    private ArchiveSimulator simulator;

    @BeforeEach
    void startWithOnePublicAndOneScreenedEntry() {
        simulator = ArchiveSimulator.start(0, null);
        ArchiveStore store = simulator.store();
        ArchiveStore.Entity klasse = store.all(EntityTypes.KLASSE).stream()
                .filter(k -> k.data().path("klasseID").asString().equals("410")).findFirst().orElseThrow();
        var sak = store.create(EntityTypes.SAKSMAPPE, klasse.systemId(), object()
                .put("tittel", "Lærer ved Byåsen skole").put("beskrivelse", "WEBCRUITER 240117"));
        entry(store, sak, "U", "Offentlig søkerliste", "Offentlig søkerliste", false, "liste.pdf");
        entry(store, sak, "I", "Søknad <b>fra</b> Åse Ødegård", "Søknad <b>fra</b> ******", true, "soknad.pdf");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void publicJournalShowsPublicTitlesButNeitherScreenedNamesNorScreenedDocuments() throws Exception {
        String html = fetch(simulator.htmlView().resolve("offentlig-journal"));

        assertThat(html).contains("Offentlig søkerliste", "Søknad &lt;b&gt;fra&lt;/b&gt; ******", "Unntatt offentlighet",
                "Offl. § 25 første ledd", "/arkiv/fil/");
        assertThat(html).doesNotContain("Ødegård", "<b>fra</b>");
        assertThat(html.split("/arkiv/fil/", -1)).as("one download link: the unscreened list").hasSize(2);
    }

    @Test
    void caseViewShowsEverythingToTheArchivist_andServesTheFiles() throws Exception {
        String cases = fetch(simulator.htmlView());
        String caseLink = cases.substring(cases.indexOf("/arkiv/sak/"), cases.indexOf('"', cases.indexOf("/arkiv/sak/")));
        String detail = fetch(simulator.root().resolve(caseLink));
        String fileLink = detail.substring(detail.indexOf("/arkiv/fil/"), detail.indexOf('"', detail.indexOf("/arkiv/fil/")));

        assertThat(cases).contains("WEBCRUITER 240117");
        assertThat(detail).contains("Åse Ødegård", "liste.pdf", "soknad.pdf");
        assertThat(fetch(simulator.root().resolve(fileLink))).startsWith("%PDF");
    }

    @Test
    void publicJournalRendersInARealBrowser(@TempDir Path profile) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no headless Chromium at " + CHROMIUM);

        Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom",
                simulator.htmlView().resolve("offentlig-journal").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(dom).contains("<h1>Offentlig journal</h1>", "Offentlig søkerliste", "Unntatt offentlighet");
        assertThat(dom).doesNotContain("Ødegård");
        assertThat(dom.split("class=\"entry\"", -1)).hasSize(3);
    }

    private void entry(ArchiveStore store, ArchiveStore.Entity sak, String type, String title, String publicTitle,
                       boolean screened, String file) {
        ObjectNode data = object().put("tittel", title).put("offentligTittel", publicTitle);
        data.putObject("journalposttype").put("kode", type);
        if (screened) {
            data.putObject("skjerming").put("skjermingshjemmel", "Offl. § 25 første ledd");
        }
        var jp = store.create(EntityTypes.JOURNALPOST, sak.systemId(), data);
        ObjectNode part = object().put("navn", "Åse Ødegård");
        part.putObject("korrespondanseparttype").put("kode", "EA");
        if (screened) {
            store.create(EntityTypes.KORRESPONDANSEPARTPERSON, jp.systemId(), part);
        }
        var doc = store.create(EntityTypes.DOKUMENTBESKRIVELSE, jp.systemId(), object().put("tittel", title));
        var objekt = store.create(EntityTypes.DOKUMENTOBJEKT, doc.systemId(), object().put("filnavn", file)
                .put("mimeType", "application/pdf"));
        store.storeFile(objekt.systemId(), "%PDF-1.7 test".getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    private static String fetch(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return response.body();
    }
}
