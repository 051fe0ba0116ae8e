package no.webcruiteresa.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which archive unit a new hiring case belongs to. A rule for the posting's organisational unit and
 * position category wins over a rule for the unit alone; a posting no rule matches goes to the holding unit.
 * Names are compared ignoring case and surrounding blanks (WebCruiter and the people keeping the table spell
 * them by hand). Pure: no I/O.
 */
public final class RoutingTable {
    private final Map<Key, RoutingRule> rules = new HashMap<>();
    private final ResponsibleUnit holdingUnit;

    /** @throws IllegalArgumentException when two rules name the same unit and category (the table is ambiguous) */
    public RoutingTable(List<RoutingRule> rules, ResponsibleUnit holdingUnit) {
        if (holdingUnit == null) {
            throw new IllegalArgumentException("the routing table needs a holding unit");
        }
        this.holdingUnit = holdingUnit;
        for (RoutingRule rule : rules) {
            RoutingRule twin = this.rules.put(Key.of(rule.organisationalUnit(), rule.positionCategory()), rule);
            if (twin != null) {
                throw new IllegalArgumentException("two routing rules for organisational unit '"
                        + rule.organisationalUnit() + "'" + (rule.specific()
                        ? " and position category '" + rule.positionCategory() + "'" : " without position category"));
            }
        }
    }

    /** Every posting to the holding unit: the seed's behaviour. */
    public static RoutingTable holdingUnitOnly(ResponsibleUnit holdingUnit) {
        return new RoutingTable(List.of(), holdingUnit);
    }

    public Route route(Posting posting) {
        Optional<RoutingRule> rule = Optional.ofNullable(posting.positionCategory())
                .map(category -> rules.get(Key.of(posting.organisationalUnit(), category)))
                .or(() -> Optional.ofNullable(rules.get(Key.of(posting.organisationalUnit(), null))));
        return rule.map(r -> new Route(r.unit(), true)).orElseGet(() -> new Route(holdingUnit, false));
    }

    public int size() {
        return rules.size();
    }

    /**
     * Where a new case goes.
     *
     * @param routed false when no rule matched and the case went to the holding unit
     */
    public record Route(ResponsibleUnit unit, boolean routed) {
    }

    private record Key(String organisationalUnit, String positionCategory) {
        static Key of(String organisationalUnit, String positionCategory) {
            return new Key(normal(organisationalUnit), positionCategory == null ? null : normal(positionCategory));
        }

        private static String normal(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }
}
