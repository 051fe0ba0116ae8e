package no.webcruiteresa.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known of one posting for the applicant-list check: its application deadline, the public applicant lists
 * (WebCruiter301) dropped for it, whether one of them is in the archive, and which drop XMLs were already read.
 * Ids and a date only: nothing personal. Pure: the caller brings the drops, the archive's answer and the date.
 *
 * @param seenKeys drop XML keys already read for this posting; emptied once a public list is archived
 */
public record ApplicantListWatch(String caseNumber, LocalDate applicationDeadline, Set<String> publicListDocumentIds,
                                 boolean publicListArchived, Set<String> seenKeys) {
    public ApplicantListWatch {
        publicListDocumentIds = Set.copyOf(publicListDocumentIds);
        seenKeys = Set.copyOf(seenKeys);
    }

    public static ApplicantListWatch of(String caseNumber) {
        return new ApplicantListWatch(caseNumber, null, Set.of(), false, Set.of());
    }

    /** What one drop of this posting tells: its deadline (the latest given wins) and whether it is a public list. */
    public ApplicantListWatch noting(String xmlKey, DocumentDrop drop) {
        LocalDate deadline = drop.posting().applicationDeadline();
        LocalDate latest = deadline == null || (applicationDeadline != null && applicationDeadline.isAfter(deadline))
                ? applicationDeadline : deadline;
        Set<String> lists = new TreeSet<>(publicListDocumentIds);
        if (drop.form() == Form.PUBLIC_APPLICANT_LIST) {
            lists.add(drop.documentId());
        }
        return new ApplicantListWatch(caseNumber, latest, lists, publicListArchived, withKey(xmlKey));
    }

    /** A drop XML that could not be read is not read again. */
    public ApplicantListWatch unreadable(String xmlKey) {
        return new ApplicantListWatch(caseNumber, applicationDeadline, publicListDocumentIds, publicListArchived,
                withKey(xmlKey));
    }

    /** A public list of the posting is in the archive: the watch is over, and its keys need no remembering. */
    public ApplicantListWatch withPublicListArchived() {
        return new ApplicantListWatch(caseNumber, applicationDeadline, publicListDocumentIds, true, Set.of());
    }

    public boolean seen(String xmlKey) {
        return publicListArchived || seenKeys.contains(xmlKey);
    }

    /**
     * Whether the posting lacks its public list past the deadline plus the grace period. A posting without a known
     * deadline is never overdue: there is nothing to measure against.
     */
    public boolean overdue(LocalDate today, Period grace) {
        return !publicListArchived && applicationDeadline != null && today.isAfter(applicationDeadline.plus(grace));
    }

    private Set<String> withKey(String xmlKey) {
        Set<String> keys = new TreeSet<>(seenKeys);
        keys.add(xmlKey);
        return keys;
    }
}
