package no.webcruiteresa.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import no.webcruiteresa.simulator.SamplePdf;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Applications as events/archive-document.json names them (WC201-&lt;case&gt;-1001: soknad.pdf and cv.pdf), under
 * a case number of the benchmark's choosing, with PDFs of a chosen size (a one-page PDF padded with a comment
 * line). The applicant is invented.
 */
final class BenchDrops {
    static final LocalDate DATE = LocalDate.of(2026, 11, 20);
    private static final Applicant APPLICANT = new Applicant("A-1001", "Åse", "Ødegård",
            new PostalAddress(List.of("Kjøpmannsgata 12"), "7013", "Trondheim", "NO"), "ase@example.org",
            "+4790000001", LocalDate.of(1988, 3, 14), "Kvinne", "Norsk", "NO",
            new SpecialConsideration(true, true, false, false));

    private BenchDrops() {
    }

    static String documentId(String caseNumber) {
        return documentId(caseNumber, 1001);
    }

    static String documentId(String caseNumber, int applicant) {
        return "WC201-" + caseNumber + "-" + applicant;
    }

    static Posting posting(String caseNumber) {
        return new Posting(caseNumber, "Lærer 100 % fast stilling ved Byåsen skole", "Byåsen skole",
                DATE.plusWeeks(3));
    }

    /** Uploads an application with two PDFs of {@code bytes} each, the XML last; returns the PDFs by name. */
    static Map<String, byte[]> upload(S3Client s3, String bucket, String caseNumber, int bytes) {
        return upload(s3, bucket, caseNumber, 1001, bytes);
    }

    /** As above, for applicant number {@code applicant} (many documents in one case). */
    static Map<String, byte[]> upload(S3Client s3, String bucket, String caseNumber, int applicant, int bytes) {
        String documentId = documentId(caseNumber, applicant);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("soknad.pdf", pdf(documentId + " Søknad", bytes));
        files.put("cv.pdf", pdf(documentId + " CV", bytes));
        List<DropFile> declared = new ArrayList<>();
        files.forEach((name, content) -> declared.add(new DropFile(name, declared.isEmpty() ? DropFile.Role.MAIN
                : DropFile.Role.ATTACHMENT, name.equals("cv.pdf") ? "CV" : "Søknad", content.length, sha256(content))));
        String xmlKey = DropKeys.xmlKey(caseNumber, documentId);
        files.forEach((name, content) -> s3.putObject(r -> r.bucket(bucket).key(DropKeys.fileKey(xmlKey, name))
                .contentType("application/pdf"), RequestBody.fromBytes(content)));
        putXml(s3, bucket, caseNumber, documentId, declared);
        return files;
    }

    /** Uploads an application with one PDF of {@code bytes}, written to disk and streamed (it may not fit a heap). */
    static void uploadLarge(S3Client s3, String bucket, String caseNumber, long bytes, Path workDir) {
        try {
            Path file = Files.createTempFile(workDir, "large", ".pdf");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] sample = SamplePdf.withText(documentId(caseNumber) + " Søknad");
            int headerEnd = indexAfterFirstLine(sample);
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                out.write(sample, 0, headerEnd);
                long padding = Math.max(0, bytes - sample.length - 2);
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) 'x');
                out.write('%');
                for (long left = padding; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                out.write('\n');
                out.write(sample, headerEnd, sample.length - headerEnd);
            }
            long size = Files.size(file);
            String xmlKey = DropKeys.xmlKey(caseNumber, documentId(caseNumber));
            s3.putObject(r -> r.bucket(bucket).key(DropKeys.fileKey(xmlKey, "soknad.pdf"))
                    .contentType("application/pdf"), RequestBody.fromFile(file));
            putXml(s3, bucket, caseNumber, documentId(caseNumber), List.of(new DropFile("soknad.pdf", DropFile.Role.MAIN, "Søknad", size,
                    HexFormat.of().formatHex(digest.digest()))));
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putXml(S3Client s3, String bucket, String caseNumber, String documentId,
                               List<DropFile> declared) {
        DocumentDrop drop = new DocumentDrop(Form.APPLICATION, documentId,
                "Søknad på stilling: Lærer 100 % fast stilling ved Byåsen skole - Åse Ødegård", DATE,
                posting(caseNumber), APPLICANT, declared);
        s3.putObject(r -> r.bucket(bucket).key(DropKeys.xmlKey(caseNumber, documentId))
                .contentType("application/xml"), RequestBody.fromBytes(new DropWriter().write(drop)));
    }

    /** A one-page PDF padded to about {@code bytes} with a comment line after its header. */
    static byte[] pdf(String text, int bytes) {
        byte[] sample = SamplePdf.withText(text);
        if (bytes <= sample.length + 2) {
            return sample;
        }
        int headerEnd = indexAfterFirstLine(sample);
        byte[] padded = new byte[bytes];
        System.arraycopy(sample, 0, padded, 0, headerEnd);
        padded[headerEnd] = '%';
        int paddingEnd = bytes - (sample.length - headerEnd) - 1;
        Arrays.fill(padded, headerEnd + 1, paddingEnd, (byte) 'x');
        padded[paddingEnd] = '\n';
        System.arraycopy(sample, headerEnd, padded, paddingEnd + 1, sample.length - headerEnd);
        return padded;
    }

    private static int indexAfterFirstLine(byte[] pdf) {
        for (int i = 0; i < pdf.length; i++) {
            if (pdf[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
