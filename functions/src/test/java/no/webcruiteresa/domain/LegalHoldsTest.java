package no.webcruiteresa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegalHoldsTest {
    private final LegalHolds holds = new LegalHolds(Set.of("240200"));

    @Test
    void shouldHoldACaseOnTheList_beforeLookingAtTags() {
        assertThat(holds.reason(Optional.of("240200"), true)).contains(LegalHolds.HoldReason.CASE_ON_HOLD_LIST);
        assertThat(holds.reason(Optional.of("240117"), true)).contains(LegalHolds.HoldReason.OBJECT_TAG);
        assertThat(holds.reason(Optional.of("240117"), false)).isEmpty();
        assertThat(holds.reason(Optional.empty(), false)).isEmpty();
    }
}
