package no.webcruiteresa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    private static final ResponsibleUnit HOLDING = new ResponsibleUnit("WS.1000", "WSANS", "WS1000");
    private static final ResponsibleUnit SCHOOL = new ResponsibleUnit("OF.2100", "BYASEN", "OF2100");
    private static final ResponsibleUnit SCHOOL_LEADERS = new ResponsibleUnit("OF.2000", "OFLEDER", "OF2000");
    private static final ResponsibleUnit NURSING = new ResponsibleUnit("HO.3100", "HOSAKS", "HO3100");

    private final RoutingTable table = new RoutingTable(List.of(
            new RoutingRule("Byåsen skole", null, SCHOOL),
            new RoutingRule("Byåsen skole", "Leder", SCHOOL_LEADERS),
            new RoutingRule("Hjemmetjenesten Midtbyen", "", NURSING)), HOLDING);

    private static Posting posting(String unit, String category) {
        return new Posting("240117", "Lærer", unit, LocalDate.of(2026, 12, 1), category);
    }

    @Test
    void shouldRouteByTheOrganisationalUnit_whenNoRuleNamesThePostingsCategory() {
        assertThat(table.route(posting("Byåsen skole", "Lærer"))).isEqualTo(new RoutingTable.Route(SCHOOL, true));
        assertThat(table.route(posting("Byåsen skole", null))).isEqualTo(new RoutingTable.Route(SCHOOL, true));
    }

    @Test
    void shouldPreferTheRuleForUnitAndCategory_overTheRuleForTheUnitAlone() {
        assertThat(table.route(posting("Byåsen skole", "Leder")).unit()).isEqualTo(SCHOOL_LEADERS);
    }

    @Test
    void shouldMatchNamesIgnoringCaseAndSurroundingBlanks() {
        assertThat(table.route(posting("  BYÅSEN SKOLE ", " leder")).unit()).isEqualTo(SCHOOL_LEADERS);
        assertThat(table.route(posting("hjemmetjenesten midtbyen", "Sykepleier")).unit()).isEqualTo(NURSING);
    }

    @Test
    void shouldSendAnUnmatchedPostingToTheHoldingUnit_andSaySoInTheRoute() {
        assertThat(table.route(posting("Lade skole", "Leder"))).isEqualTo(new RoutingTable.Route(HOLDING, false));
        // A category alone never matches: the unit must match first.
        assertThat(table.route(posting("Lade skole", null)).routed()).isFalse();
    }

    @Test
    void shouldSendEveryPostingToTheHoldingUnit_whenTheTableIsEmpty() {
        RoutingTable empty = RoutingTable.holdingUnitOnly(HOLDING);

        assertThat(empty.route(posting("Byåsen skole", "Leder"))).isEqualTo(new RoutingTable.Route(HOLDING, false));
    }

    @Test
    void shouldRefuseATableWithTwoRulesForTheSameUnitAndCategory() {
        assertThatThrownBy(() -> new RoutingTable(List.of(new RoutingRule("Byåsen skole", "Leder", SCHOOL),
                new RoutingRule("byåsen skole ", "LEDER", NURSING)), HOLDING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two routing rules");
        assertThatThrownBy(() -> new RoutingTable(List.of(new RoutingRule("Byåsen skole", null, SCHOOL),
                new RoutingRule("Byåsen skole", " ", NURSING)), HOLDING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseARuleWithoutAUnitOrArchiveValues() {
        assertThatThrownBy(() -> new RoutingRule(" ", null, SCHOOL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponsibleUnit("OF.2100", "", "OF2100"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRegisterTheNewCaseWithTheRoutedUnitsValues() {
        RegistrationRules rules = new RegistrationRules(TestDrops.seedSettings());
        Posting posting = posting("Byåsen skole", "Leder");

        CaseRegistration routed = rules.caseFor(posting, LocalDate.of(2026, 12, 2), table.route(posting).unit());
        CaseRegistration seed = rules.caseFor(posting, LocalDate.of(2026, 12, 2));

        assertThat(routed.administrativeUnit()).isEqualTo("OF.2000");
        assertThat(routed.caseHandler()).isEqualTo("OFLEDER");
        assertThat(routed.accessGroup()).isEqualTo("OF2000");
        assertThat(routed).usingRecursiveComparison()
                .ignoringFields("administrativeUnit", "caseHandler", "accessGroup").isEqualTo(seed);
        assertThat(seed.administrativeUnit()).isEqualTo("WS.1000");
    }
}
