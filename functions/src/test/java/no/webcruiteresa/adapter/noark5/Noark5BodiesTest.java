package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import no.webcruiteresa.domain.Correspondent;
import no.webcruiteresa.domain.EntryRegistration;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** What the client sends to the archive holds the applicant's name and postal address, and nothing else of them. */
class Noark5BodiesTest {
    private final Noark5Bodies bodies = new Noark5Bodies(JsonMapper.builder().build(), new Noark5Settings(
            URI.create("http://archive/"), Noark5Credentials.NONE, RetryPolicy.NONE, Duration.ofSeconds(1),
            Duration.ofSeconds(1), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
    private final RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"APPLICATION", "APPLICATION_ATTACHMENTS", "LETTER_TO_APPLICANT"})
    void shouldSendNoPersonalFieldBeyondNameAndAddress(Form form) {
        EntryRegistration entry = rules.entryFor(TestDrops.drop().form(form).title("Dokument - Åse Ødegård").build());

        StringBuilder sent = new StringBuilder(bodies.journalpost(entry).toString());
        for (Correspondent part : entry.correspondents()) {
            sent.append(part.postalAddress() == null ? bodies.korrespondansepartIntern(part, "WS.1000")
                    : bodies.korrespondansepartPerson(part, "postnr"));
        }
        entry.documents().forEach(d -> sent.append(bodies.dokumentbeskrivelse(entry, d, null))
                .append(bodies.dokumentobjekt(d, new String[] {"fmt/276", "PDF 1.7"})));

        assertThat(sent.toString()).contains("Åse Ødegård", "Kjøpmannsgata 12", "7013", "Trondheim")
                .doesNotContain("1988", "14.03", "Svensk", "Kvinne", "ase@example.org", "+4790000001", "\"DK\"",
                        "A-1", "fortrinn", "innvandr", "funksjon", "preferential", "immigrant", "disab");
    }
}
