package no.webcruiteresa.localstack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.SpecialConsideration;

/** Many postings' worth of invented drops, the same for the same seed. */
final class SoakDrops {
    private static final String[] GIVEN = {"Åse", "Bjørn", "Kari", "Ola", "Ærling", "Solveig", "Øystein", "Ingrid"};
    private static final String[] FAMILY = {"Ødegård", "Lærum", "Nordmann", "Bråten", "Kjærstad", "Haugen", "Dahl"};

    private SoakDrops() {
    }

    static List<Posting> postings(int count) {
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            postings.add(new Posting(String.valueOf(250000 + i), "Stilling nr. " + (i + 1) + " ved Byåsen skole",
                    "Byåsen skole", LocalDate.of(2026, 12, 15)));
        }
        return postings;
    }

    /** {@code perPosting} documents per posting: the posting, applications with attachments, a letter, the lists. */
    static List<DemoDrops.Drop> drops(List<Posting> postings, int perPosting, Random random) {
        List<DemoDrops.Drop> drops = new ArrayList<>();
        for (Posting posting : postings) {
            drops.add(drop(posting, Form.POSTING, "WC101-" + posting.caseNumber(), "Utlysning: " + posting.title(), null, 1, random));
            int applicants = 0;
            for (int n = 1; n < perPosting - 3; n++) {
                boolean attachments = n % 2 == 0;
                if (!attachments) {
                    applicants++;
                }
                Applicant applicant = applicant(posting.caseNumber() + "-" + applicants, random);
                Form form = attachments ? Form.APPLICATION_ATTACHMENTS : Form.APPLICATION;
                drops.add(drop(posting, form, "WC" + (attachments ? "203-" : "201-") + posting.caseNumber() + "-" + n,
                        (attachments ? "Vedlegg til søknad - " : "Søknad - ") + applicant.fullName(), applicant,
                        1 + random.nextInt(3), random));
            }
            Applicant invited = applicant(posting.caseNumber() + "-1", random);
            drops.add(drop(posting, Form.LETTER_TO_APPLICANT, "WC210-" + posting.caseNumber(),
                    "Innkalling til intervju - " + invited.fullName(), invited, 1, random));
            drops.add(drop(posting, Form.PUBLIC_APPLICANT_LIST, "WC301-" + posting.caseNumber(), "Offentlig søkerliste", null, 1, random));
            drops.add(drop(posting, Form.EXTENDED_APPLICANT_LIST, "WC302-" + posting.caseNumber(), "Utvidet søkerliste", null, 1, random));
        }
        return drops;
    }

    private static Applicant applicant(String id, Random random) {
        return new Applicant("A-" + id, GIVEN[random.nextInt(GIVEN.length)], FAMILY[random.nextInt(FAMILY.length)],
                new PostalAddress(List.of("Gate " + random.nextInt(100)), "7013", "Trondheim", "NO"), null, null,
                LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)), null, null,
                null, new SpecialConsideration(random.nextInt(5) == 0, false, false, false));
    }

    private static DemoDrops.Drop drop(Posting posting, Form form, String documentId, String title, Applicant applicant,
                                       int files, Random random) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<DropFile> declared = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            String name = f == 0 ? "dokument.pdf" : "vedlegg-" + f + ".pdf";
            byte[] pdf = MinimalPdf.withText(documentId + " " + name + " " + random.nextLong());
            contents.put(name, pdf);
            declared.add(new DropFile(name, f == 0 ? DropFile.Role.MAIN : DropFile.Role.ATTACHMENT, null, pdf.length,
                    DemoDrops.sha256(pdf)));
        }
        return new DemoDrops.Drop(new DocumentDrop(form, documentId, title, LocalDate.of(2026, 11, 20), posting,
                applicant, declared), contents);
    }
}
