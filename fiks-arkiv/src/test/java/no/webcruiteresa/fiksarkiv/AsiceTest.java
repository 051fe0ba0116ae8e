package no.webcruiteresa.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AsiceTest {
    @Test
    void mimetypeComesFirstStoredAndTheManifestListsEveryFile() throws Exception {
        byte[] container = Asice.toBytes(List.of(
                new Asice.Entry("arkivmelding.xml", "application/xml", () -> stream("<arkivmelding/>")),
                new Asice.Entry("dokument-1.pdf", "application/pdf", () -> stream("%PDF-1.7"))));

        // ETSI EN 319 162-1 A.1: "mimetype" at offset 30 of the first local header, its content right after.
        assertThat(new String(container, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(new String(container, 38, Asice.MIME_TYPE.length(), StandardCharsets.US_ASCII))
                .isEqualTo(Asice.MIME_TYPE);
        Map<String, String> read = new LinkedHashMap<>();
        Asice.read(new ByteArrayInputStream(container), (name, type, content) ->
                read.put(name, type + " " + new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(read).containsExactly(Map.entry("arkivmelding.xml", "application/xml <arkivmelding/>"),
                Map.entry("dokument-1.pdf", "application/pdf %PDF-1.7"));
    }

    @Test
    void aPlainZipIsNotAContainer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("arkivmelding.xml"));
            zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Asice.read(new ByteArrayInputStream(out.toByteArray()), (n, t, c) -> { }))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aFileTheManifestDoesNotListIsRefused() throws Exception {
        byte[] container = Asice.toBytes(List.of(new Asice.Entry("a.xml", "application/xml", () -> stream("<a/>"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Copy the container and smuggle one more entry in.
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(container));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    var crc = new java.util.zip.CRC32();
                    crc.update(content);
                    copy.setCrc(crc.getValue());
                }
                zip.putNextEntry(copy);
                zip.write(content);
            }
            zip.putNextEntry(new ZipEntry("extra.bin"));
            zip.write(1);
        }
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> Asice.read(new ByteArrayInputStream(out.toByteArray()), (n, t, c) -> seen.add(n)))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(seen).containsExactly("a.xml");
    }

    @Test
    void fileNamesInThePackageArePlainAscii() {
        assertThatThrownBy(() -> new Asice.Entry("søknad Åse.pdf", "application/pdf", () -> stream("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Åse");
    }

    private static java.io.InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
