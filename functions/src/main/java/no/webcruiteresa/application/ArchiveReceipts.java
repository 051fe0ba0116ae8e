package no.webcruiteresa.application;

import java.util.Optional;
import no.webcruiteresa.application.port.ArchivedEntry;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;

/** Checks that the archive holds every file of a drop with the checksum and size the drop declared. */
final class ArchiveReceipts {
    private ArchiveReceipts() {
    }

    /** Every file of the drop has a stored copy in the entry, whatever its content. */
    static boolean isComplete(DocumentDrop drop, ArchivedEntry entry) {
        return drop.files().stream().allMatch(file -> entry.file(file.name()).isPresent());
    }

    /** The first difference between what the drop declares and what the archive reports, if any. */
    static Optional<String> difference(DocumentDrop drop, ArchivedEntry entry) {
        for (DropFile file : drop.files()) {
            Optional<ArchivedEntry.ArchivedFile> archived = entry.file(file.name());
            if (archived.isEmpty()) {
                return Optional.of("entry " + entry.entryId() + " lacks " + LogText.file(drop, file));
            }
            if (!archived.get().sha256().equalsIgnoreCase(file.sha256())) {
                return Optional.of(LogText.file(drop, file) + ": archive reports sjekksum " + archived.get().sha256()
                        + ", drop declared " + file.sha256());
            }
            if (archived.get().size() != file.size()) {
                return Optional.of(LogText.file(drop, file) + ": archive reports filstoerrelse " + archived.get().size()
                        + ", drop declared " + file.size());
            }
        }
        return Optional.empty();
    }

    /**
     * The first file the archive already holds for the entry that the drop does not declare as it is: a file the
     * drop does not name, or one with another checksum or size. Files the archive lacks are no contradiction (an
     * earlier attempt may have stopped before them).
     */
    static Optional<String> contradiction(DocumentDrop drop, ArchivedEntry entry) {
        for (ArchivedEntry.ArchivedFile archived : entry.files()) {
            Optional<DropFile> declared = drop.files().stream().filter(f -> f.name().equals(archived.fileName()))
                    .findFirst();
            if (declared.isEmpty()) {
                return Optional.of("entry " + entry.entryId() + " holds a " + LogText.fileName(archived.fileName())
                        + ", which the drop does not name");
            }
            if (!archived.sha256().equalsIgnoreCase(declared.get().sha256()) || archived.size() != declared.get().size()) {
                return Optional.of(LogText.file(drop, declared.get()) + ": archive reports sjekksum " + archived.sha256()
                        + " and filstoerrelse " + archived.size() + ", drop declared " + declared.get().sha256()
                        + " and " + declared.get().size());
            }
        }
        return Optional.empty();
    }

    /**
     * Why the entry cannot be this drop's, when it is filed in another case than the drop's posting: the same
     * document id under two postings is a conflict for a person, never "already archived".
     */
    static Optional<String> inOtherCase(DocumentDrop drop, ArchivedEntry entry, String expectedCaseReference) {
        return entry.caseIfKnown().filter(c -> !c.reference().equals(expectedCaseReference)).map(c ->
                "document id " + drop.documentId() + " is already archived as entry " + entry.entryId() + " in case "
                        + c.caseId() + " (" + c.reference() + "), but this drop belongs to " + expectedCaseReference);
    }

    static void requireComplete(DocumentDrop drop, ArchivedEntry entry) {
        difference(drop, entry).ifPresent(problem -> {
            throw new ArchiveMismatchException(drop.documentId(), problem);
        });
    }
}
