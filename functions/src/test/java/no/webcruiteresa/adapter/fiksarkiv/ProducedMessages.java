package no.webcruiteresa.adapter.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.stream.StreamSource;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;

/**
 * Every Fiks Arkiv payload a test produces: validated against the official v1 schemas (again, apart from the
 * writer's own check) and kept under target/ as arkivmelding-*.xml, so other tools can check it too.
 */
final class ProducedMessages {
    private static final Path DIRECTORY = Path.of("target", "fiks-arkiv-messages");

    private ProducedMessages() {
    }

    static byte[] validateAndKeep(String name, byte[] xml) {
        assertThatCode(() -> FiksArkivXml.instance().schema().newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml))))
                .as("%s conforms to the Fiks Arkiv v1 schema", name).doesNotThrowAnyException();
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(DIRECTORY.resolve("arkivmelding-" + name + ".xml"), xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return xml;
    }
}
