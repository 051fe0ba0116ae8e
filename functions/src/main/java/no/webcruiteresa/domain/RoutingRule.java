package no.webcruiteresa.domain;

/**
 * One row of the routing table: postings of a WebCruiter organisational unit, optionally only those of one
 * position category, belong to an archive unit.
 *
 * @param organisationalUnit WebCruiter's organisational unit, as the "posting published" message names it
 * @param positionCategory   WebCruiter's position category, or null for every posting of the unit
 */
public record RoutingRule(String organisationalUnit, String positionCategory, ResponsibleUnit unit) {
    public RoutingRule {
        if (organisationalUnit == null || organisationalUnit.isBlank()) {
            throw new IllegalArgumentException("a routing rule needs an organisational unit");
        }
        if (unit == null) {
            throw new IllegalArgumentException("a routing rule needs an archive unit");
        }
        organisationalUnit = organisationalUnit.strip();
        positionCategory = positionCategory == null || positionCategory.isBlank() ? null : positionCategory.strip();
    }

    boolean specific() {
        return positionCategory != null;
    }
}
