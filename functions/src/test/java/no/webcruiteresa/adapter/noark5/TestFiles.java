package no.webcruiteresa.adapter.noark5;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.TestDrops;

/** Files for one drop, with their real sizes and checksums. */
record TestFiles(Map<String, String> contents) {
    DocumentDrop drop() {
        List<DropFile> files = contents.keySet().stream().sorted()
                .map(name -> new DropFile(name, name.equals("soknad.pdf") ? DropFile.Role.MAIN : DropFile.Role.ATTACHMENT,
                        null, bytes(name).length, sha256(name)))
                .toList();
        DocumentDrop template = TestDrops.drop().build();
        return new DocumentDrop(template.form(), template.documentId(), template.title(), template.documentDate(),
                template.posting(), template.applicant(), files);
    }

    byte[] bytes(String name) {
        return contents.get(name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    InputStream open(String name) {
        return new ByteArrayInputStream(bytes(name));
    }

    String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(name)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
