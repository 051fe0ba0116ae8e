package no.webcruiteresa.domain;

/**
 * Who owns a hiring case in the archive: the values a new saksmappe is registered with.
 *
 * @param administrativeUnit the case's administrativEnhet (ESA's org. enhet, e.g. WS.1000)
 * @param caseHandler        the case's saksansvarlig (ESA's saksbehandler, e.g. WSANS)
 * @param accessGroup        ESA's tilgangsgruppe (e.g. WS1000), carried as custom metadata
 */
public record ResponsibleUnit(String administrativeUnit, String caseHandler, String accessGroup) {
    public ResponsibleUnit {
        requireText(administrativeUnit, "administrativeUnit");
        requireText(caseHandler, "caseHandler");
        requireText(accessGroup, "accessGroup");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " of a responsible unit is required");
        }
    }
}
