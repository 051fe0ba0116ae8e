package no.webcruiteresa.simulator;

import java.util.Set;

/**
 * How the simulated server behaves where real Noark 5 servers differ from one another or from the standard.
 * {@link #STANDARD} follows tjenestegrensesnitt v1.1 as written; {@link #STRICT} adds the quirks observed in
 * the reference implementation (nikita-noark5-core), so that a client passing under it survives a real server.
 *
 * @param customMetadataOnlyByPatch    virksomhetsspesifikkeMetadata is refused in a create body in any shape and
 *                                     taken only by PATCH afterwards, once its keys are in the catalogue
 * @param formatsMustBeRegistered      the format code list starts without fmt/276; unknown codes are refused until
 *                                     added through ny-format
 * @param refusedFields                optional fields refused with 400, as {@code <type>.<field>}
 * @param renamedAddressFields         the postcode is {@code postnummer}; {@code postnr} is dropped without a word
 * @param unimplemented                object kinds whose ny- link answers 501 (e.g. korrespondansepartintern)
 * @param brokenNextLinks              unfiltered lists and sub-lists carry a malformed next link ({@code …/&$skip=N})
 * @param pagingNeedsFilter            {@code $top}/{@code $skip} without {@code $filter} is an error (in a 200 body)
 * @param discovery                    the OpenID configuration names its token_endpoint and the root also links the
 *                                     OAuth2 endpoint (login/rfc6749); without it the configuration the root's
 *                                     login/oidc link leads to has no token_endpoint
 */
public record ServerProfile(String name, boolean customMetadataOnlyByPatch, boolean formatsMustBeRegistered,
                            Set<String> refusedFields, boolean renamedAddressFields, Set<String> unimplemented,
                            boolean brokenNextLinks, boolean pagingNeedsFilter, boolean discovery) {
    public static final ServerProfile STANDARD = new ServerProfile("standard", false, false, Set.of(), false,
            Set.of(), false, false, true);
    public static final ServerProfile STRICT = new ServerProfile("strict", true, true,
            Set.of("saksmappe.administrativEnhet", "korrespondansepartintern.administrativEnhet"), true,
            Set.of("korrespondansepartintern"), true, true, false);

    public static ServerProfile named(String name) {
        return switch (name) {
            case "standard" -> STANDARD;
            case "strict" -> STRICT;
            default -> throw new IllegalArgumentException("unknown server profile '" + name
                    + "' (standard or strict)");
        };
    }

    public ServerProfile refusing(Set<String> fields) {
        return new ServerProfile(name, customMetadataOnlyByPatch, formatsMustBeRegistered, Set.copyOf(fields),
                renamedAddressFields, unimplemented, brokenNextLinks, pagingNeedsFilter, discovery);
    }

    /**
     * The reference server lists members in the order of their systemIDs (random UUIDs), not the order they were
     * made in: a client must not take a list's order for the order of creation.
     */
    boolean listsInSystemIdOrder() {
        return "strict".equals(name);
    }

    /**
     * The reference server takes an update's version from an {@code ETag} request header and refuses a PUT without
     * one (HTTP's own {@code If-Match} is not read).
     */
    boolean updateNeedsEtagHeader() {
        return "strict".equals(name);
    }

    boolean refuses(EntityTypes type, String field) {
        return refusedFields.contains(type.name + "." + field);
    }
}
