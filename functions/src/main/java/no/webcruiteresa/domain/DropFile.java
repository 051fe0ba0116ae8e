package no.webcruiteresa.domain;

/** One PDF of a drop, as the XML declares it: its name beside the XML, role, size and SHA-256. */
public record DropFile(String name, Role role, String title, long size, String sha256) {
    public enum Role { MAIN, ATTACHMENT }

    public DropFile {
        Posting.requireText(name, "files.file.name");
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new InvalidDropException("files.file.name", "must be a plain file name beside the XML");
        }
        if (size <= 0) {
            throw new InvalidDropException("files.file.size", "must be positive");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidDropException("files.file.sha256", "must be 64 lower-case hex digits");
        }
    }
}
