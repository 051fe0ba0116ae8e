package no.webcruiteresa.domain;

import java.util.List;
import java.util.Optional;

/**
 * Which keys of the drop bucket hold personal data, and of which kind. Keys under a kept prefix (creation locks:
 * non-personal ids; the sweep's own audit records, checkpoint and hold list) are never the sweep's to delete.
 *
 * @param quarantinePrefix where quarantined drops, their reports and parked messages live
 * @param keptPrefixes     prefixes the sweep never deletes from
 */
public record RetentionLayout(String quarantinePrefix, List<String> keptPrefixes) {
    private static final String MESSAGES = "messages/";
    private static final String REPORT_SUFFIX = ".report.json";

    public RetentionLayout {
        quarantinePrefix = folder(quarantinePrefix);
        keptPrefixes = keptPrefixes.stream().map(RetentionLayout::folder).toList();
    }

    /** The kind of personal data under this key, or empty for keys the sweep must leave alone. */
    public Optional<RetentionCategory> categoryOf(String key) {
        if (keptPrefixes.stream().anyMatch(key::startsWith)) {
            return Optional.empty();
        }
        if (!key.startsWith(quarantinePrefix)) {
            return Optional.of(RetentionCategory.DROP);
        }
        String inside = key.substring(quarantinePrefix.length());
        if (inside.startsWith(MESSAGES)) {
            return Optional.of(RetentionCategory.PARKED_MESSAGE);
        }
        return Optional.of(inside.endsWith(REPORT_SUFFIX) ? RetentionCategory.QUARANTINE_REPORT
                : RetentionCategory.QUARANTINED_FILE);
    }

    /**
     * The WebCruiter case number a drop key belongs to ({@code <case number>/<document id>/…}, also inside the
     * quarantine); empty for parked messages, whose keys name only a queue and a message id.
     */
    public Optional<String> caseNumberOf(String key) {
        String path = key.startsWith(quarantinePrefix) ? key.substring(quarantinePrefix.length()) : key;
        if (key.startsWith(quarantinePrefix) && path.startsWith(MESSAGES)) {
            return Optional.empty();
        }
        int slash = path.indexOf('/');
        return slash > 0 ? Optional.of(path.substring(0, slash)) : Optional.empty();
    }

    private static String folder(String prefix) {
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
