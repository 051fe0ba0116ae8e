package no.webcruiteresa.adapter.noark5;

import java.time.ZoneId;
import java.util.Set;

/**
 * What the client adapts to a particular archive server.
 *
 * @param zone                 the zone dates are sent in (Noark 5 datetime fields carry an offset)
 * @param omitFields           optional fields never sent to this server, as {@code <type>.<field>}
 *                             (e.g. {@code saksmappe.administrativEnhet}); more are learnt when the server
 *                             refuses one
 * @param customMetadataPrefix namespace of the virksomhetsspesifikkeMetadata keys, {@code vnd-<vendor>-<version>};
 *                             empty sends none
 */
public record Noark5Compatibility(ZoneId zone, Set<String> omitFields, String customMetadataPrefix) {
    public static final Noark5Compatibility DEFAULT =
            new Noark5Compatibility(ZoneId.of("Europe/Oslo"), Set.of(), "vnd-webcruiteresa-v1");

    public Noark5Compatibility {
        omitFields = Set.copyOf(omitFields);
        if (!customMetadataPrefix.isEmpty() && !customMetadataPrefix.matches("[a-z0-9]+(-[a-z0-9]+)+")) {
            throw new IllegalArgumentException("custom metadata prefix '" + customMetadataPrefix
                    + "' must look like vnd-<vendor>-<version> in a-z and 0-9");
        }
    }
}
