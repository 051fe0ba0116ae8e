package no.webcruiteresa.localstack;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.SpecialConsideration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A realistic hiring case as WebCruiter would drop it: the posting, two applications (one with attachments
 * and a request to be left off the public list), a letter to an applicant and both applicant lists.
 * The people are invented.
 */
public final class DemoDrops {
    /** One document as dropped: its XML and its PDFs by file name. */
    public record Drop(DocumentDrop document, Map<String, byte[]> files) {
        public String xmlKey() {
            return DropKeys.xmlKey(document.posting().caseNumber(), document.documentId());
        }
    }

    private final Posting posting;
    private final LocalDate date;

    public DemoDrops(String caseNumber, LocalDate date) {
        this.posting = new Posting(caseNumber, "Lærer 100 % fast stilling ved Byåsen skole", "Byåsen skole",
                date.plusWeeks(3));
        this.date = date;
    }

    public Posting posting() {
        return posting;
    }

    /** The "posting published" message WebCruiter sends when the posting goes out. */
    public String postingPublishedMessage() {
        return "{\"type\":\"PostingPublished\",\"caseNumber\":\"" + posting.caseNumber() + "\",\"title\":\""
                + posting.title() + "\",\"organisationalUnit\":\"" + posting.organisationalUnit()
                + "\",\"applicationDeadline\":\"" + posting.applicationDeadline() + "\"}";
    }

    public List<Drop> drops() {
        Applicant ase = new Applicant("A-1001", "Åse", "Ødegård",
                new PostalAddress(List.of("Kjøpmannsgata 12"), "7013", "Trondheim", "NO"), "ase@example.org",
                "+4790000001", LocalDate.of(1988, 3, 14), "Kvinne", "Norsk", "NO",
                new SpecialConsideration(true, true, false, false));
        Applicant bjorn = new Applicant("A-1002", "Bjørn Kåre", "Lærum",
                new PostalAddress(List.of("Ærfuglveien 3", "Leil. H0201"), "7049", "Trondheim", "NO"),
                "bjorn@example.org", "+4790000002", LocalDate.of(1979, 11, 2), "Mann", "Svensk", "NO",
                new SpecialConsideration(false, false, true, false));
        String id = posting.caseNumber();
        List<Drop> drops = new ArrayList<>();
        drops.add(drop(Form.POSTING, "WC101-" + id, "Utlysning: " + posting.title(), null,
                file("utlysning.pdf", DropFile.Role.MAIN, "Utlysning")));
        drops.add(drop(Form.APPLICATION, "WC201-" + id + "-1001", "Søknad på stilling: " + posting.title()
                + " - Åse Ødegård", ase, file("soknad.pdf", DropFile.Role.MAIN, "Søknad"),
                file("cv.pdf", DropFile.Role.ATTACHMENT, "CV")));
        drops.add(drop(Form.APPLICATION_ATTACHMENTS, "WC203-" + id + "-1001", "Vedlegg til søknad - Åse Ødegård", ase,
                file("vitnemal.pdf", DropFile.Role.MAIN, "Vitnemål"),
                file("attest-1.pdf", DropFile.Role.ATTACHMENT, "Attest Trondheim kommune"),
                file("attest-2.pdf", DropFile.Role.ATTACHMENT, "Attest Malvik kommune")));
        drops.add(drop(Form.APPLICATION, "WC201-" + id + "-1002", "Søknad på stilling: " + posting.title()
                + " - Bjørn Kåre Lærum", bjorn, file("soknad.pdf", DropFile.Role.MAIN, "Søknad"),
                file("cv.pdf", DropFile.Role.ATTACHMENT, "CV")));
        drops.add(drop(Form.LETTER_TO_APPLICANT, "WC210-" + id + "-1002", "Innkalling til intervju - Bjørn Kåre Lærum",
                bjorn, file("brev.pdf", DropFile.Role.MAIN, "Innkalling til intervju")));
        drops.add(drop(Form.PUBLIC_APPLICANT_LIST, "WC301-" + id, "Offentlig søkerliste: " + posting.title(), null,
                file("offentlig-sokerliste.pdf", DropFile.Role.MAIN, "Offentlig søkerliste")));
        drops.add(drop(Form.EXTENDED_APPLICANT_LIST, "WC302-" + id, "Utvidet søkerliste: " + posting.title(), null,
                file("utvidet-sokerliste.pdf", DropFile.Role.MAIN, "Utvidet søkerliste")));
        return drops;
    }

    /** Puts every drop in the bucket, each XML after its PDFs as WebCruiter does. */
    public static void upload(S3Client s3, String bucket, List<Drop> drops) {
        DropWriter writer = new DropWriter();
        for (Drop drop : drops) {
            drop.files().forEach((name, content) -> s3.putObject(r -> r.bucket(bucket)
                    .key(DropKeys.fileKey(drop.xmlKey(), name)).contentType("application/pdf"),
                    RequestBody.fromBytes(content)));
            s3.putObject(r -> r.bucket(bucket).key(drop.xmlKey()).contentType("application/xml"),
                    RequestBody.fromBytes(writer.write(drop.document())));
        }
    }

    private record SampleFile(String name, DropFile.Role role, String title) {
    }

    private static SampleFile file(String name, DropFile.Role role, String title) {
        return new SampleFile(name, role, title);
    }

    private Drop drop(Form form, String documentId, String title, Applicant applicant, SampleFile... files) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<DropFile> declared = new ArrayList<>();
        for (SampleFile file : files) {
            byte[] pdf = MinimalPdf.withText(documentId + " " + file.title());
            contents.put(file.name(), pdf);
            declared.add(new DropFile(file.name(), file.role(), file.title(), pdf.length, sha256(pdf)));
        }
        return new Drop(new DocumentDrop(form, documentId, title, date, posting, applicant, declared), contents);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
