package no.webcruiteresa.application;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;

/** Checks the files a drop names that are in the drop area: the declared size, and a PDF's magic bytes. */
final class ArrivedFiles {
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private ArrivedFiles() {
    }

    /**
     * @param allRequired a missing file makes the drop incomplete; otherwise it is only not counted
     * @return how many of the named files are in the drop area
     */
    static int check(DropStore store, String xmlKey, DocumentDrop drop, boolean allRequired) {
        int arrived = 0;
        for (DropFile file : drop.files()) {
            String key = DropKeys.fileKey(xmlKey, file.name());
            Optional<Long> size = store.size(key);
            if (size.isEmpty()) {
                if (allRequired) {
                    throw new DropIncompleteException(xmlKey, LogText.file(drop, file) + " has not arrived");
                }
                continue;
            }
            arrived++;
            if (size.get() != file.size()) {
                throw new DropRejectedException(xmlKey, "files.file.size",
                        LogText.file(drop, file) + " is " + size.get() + " bytes, the XML declares " + file.size());
            }
            if (!Arrays.equals(store.readPrefix(key, PDF_MAGIC.length), PDF_MAGIC)) {
                throw new DropRejectedException(xmlKey, "files.file.name",
                        LogText.file(drop, file) + " is not a PDF (it does not start with %PDF-)");
            }
        }
        return arrived;
    }
}
