package no.webcruiteresa.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;

/**
 * How objects and files are named in log lines and in the exception messages that end up there. File names are
 * personal data (WebCruiter names CVs after people), so a file is named by its place in its drop, its size and a
 * short SHA-256; a key by itself only when it is a drop's XML key (case number and document id), otherwise by its
 * case number and a short SHA-256 of the whole key. Quarantine reports still name the keys: they are data the
 * retention sweep deletes, not logs.
 */
public final class LogText {
    private static final int SHORT = 8;

    private LogText() {
    }

    /** A drop's XML key as it is ({@code <case number>/<document id>/<document id>.xml}); any other key hashed. */
    public static String key(String key) {
        if (key == null) {
            return "null";
        }
        String[] parts = key.split("/", -1);
        if (parts.length == 3 && parts[0].matches("\\d{1,12}") && parts[2].equals(parts[1] + DropKeys.XML_SUFFIX)) {
            return key;
        }
        String caseNumber = parts.length > 1 && parts[0].matches("\\d{1,12}") ? parts[0] + "/…/" : "";
        return caseNumber + "object " + shortSha256(key);
    }

    /** A file a drop names: its ordinal, size and the first characters of its declared SHA-256. */
    public static String file(DocumentDrop drop, DropFile file) {
        int ordinal = drop.files().indexOf(file) + 1;
        String sha = file.sha256() == null ? "" : ", sha256 " + file.sha256().substring(0, Math.min(SHORT, file.sha256().length()));
        return "file " + ordinal + " of " + drop.files().size() + " (" + file.size() + " bytes" + sha + ")";
    }

    /** A file known only by its name (one the archive holds): a short SHA-256 of the name. */
    public static String fileName(String name) {
        return "file named " + shortSha256(name);
    }

    static String shortSha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest).substring(0, SHORT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
