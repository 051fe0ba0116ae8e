package no.webcruiteresa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicantListWatchTest {
    private static final Period GRACE = Period.ofDays(7);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 9, 22);

    private static DocumentDrop drop(Form form, String documentId, LocalDate deadline) {
        Posting posting = new Posting("240117", "Lærer", "Byåsen skole", deadline);
        return new DocumentDrop(form, documentId, "Tittel", LocalDate.of(2026, 9, 1), posting, null,
                List.of(new DropFile("a.pdf", DropFile.Role.MAIN, null, 1, "a".repeat(64))));
    }

    @Test
    void shouldBeOverdueOnlyAfterTheDeadlinePlusGrace_withoutAnArchivedPublicList() {
        ApplicantListWatch watch = ApplicantListWatch.of("240117")
                .noting("240117/WC101-240117/WC101-240117.xml", drop(Form.POSTING, "WC101-240117", DEADLINE));

        assertThat(watch.overdue(DEADLINE.plusDays(7), GRACE)).isFalse();
        assertThat(watch.overdue(DEADLINE.plusDays(8), GRACE)).isTrue();
        assertThat(watch.withPublicListArchived().overdue(DEADLINE.plusDays(30), GRACE)).isFalse();
        assertThat(ApplicantListWatch.of("240117").overdue(DEADLINE.plusYears(1), GRACE))
                .as("no known deadline, nothing to measure against").isFalse();
    }

    @Test
    void shouldRememberPublicListsAndKeys_keepTheLatestDeadline_andForgetKeysOnceAListIsArchived() {
        ApplicantListWatch watch = ApplicantListWatch.of("240117")
                .noting("k1", drop(Form.POSTING, "WC101-240117", DEADLINE))
                .noting("k2", drop(Form.PUBLIC_APPLICANT_LIST, "WC301-240117", DEADLINE.plusDays(5)))
                .noting("k3", drop(Form.EXTENDED_APPLICANT_LIST, "WC302-240117", null))
                .unreadable("k4");

        assertThat(watch.applicationDeadline()).isEqualTo(DEADLINE.plusDays(5));
        assertThat(watch.publicListDocumentIds()).containsExactly("WC301-240117");
        assertThat(watch.seen("k1")).isTrue();
        assertThat(watch.seen("k4")).isTrue();
        assertThat(watch.seen("k5")).isFalse();
        ApplicantListWatch done = watch.withPublicListArchived();
        assertThat(done.seenKeys()).isEmpty();
        assertThat(done.seen("k5")).as("a finished watch reads nothing more").isTrue();
    }
}
