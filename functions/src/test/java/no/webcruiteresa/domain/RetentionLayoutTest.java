package no.webcruiteresa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionLayoutTest {
    private final RetentionLayout layout = new RetentionLayout("quarantine", List.of("locks/", "retention/"));

    @Test
    void shouldTellEachKindOfPersonalDataByItsKey() {
        assertThat(layout.categoryOf("240117/WC201-240117-1001/soknad.pdf")).contains(RetentionCategory.DROP);
        assertThat(layout.categoryOf("quarantine/240117/WC201-240117-1001/soknad.pdf"))
                .contains(RetentionCategory.QUARANTINED_FILE);
        assertThat(layout.categoryOf("quarantine/240117/WC201-240117-1001/WC201-240117-1001.xml.report.json"))
                .contains(RetentionCategory.QUARANTINE_REPORT);
        assertThat(layout.categoryOf("quarantine/messages/createCase/9d6f.report.json"))
                .contains(RetentionCategory.PARKED_MESSAGE);
    }

    @Test
    void shouldLeaveLocksAndTheSweepsOwnRecordsAlone() {
        assertThat(layout.categoryOf("locks/case/240117")).isEmpty();
        assertThat(layout.categoryOf("retention/audit/2026-11-24/run.json")).isEmpty();
        assertThat(layout.categoryOf("retention/legal-hold.txt")).isEmpty();
    }

    @Test
    void shouldFindTheCaseNumberOfDropsAndQuarantinedDrops_butNotOfParkedMessages() {
        assertThat(layout.caseNumberOf("240117/WC201-240117-1001/soknad.pdf")).contains("240117");
        assertThat(layout.caseNumberOf("quarantine/240117/WC201-240117-1001/soknad.pdf")).contains("240117");
        assertThat(layout.caseNumberOf("quarantine/messages/createCase/9d6f.report.json")).isEmpty();
        assertThat(layout.caseNumberOf("stray.pdf")).isEqualTo(Optional.empty());
    }
}
