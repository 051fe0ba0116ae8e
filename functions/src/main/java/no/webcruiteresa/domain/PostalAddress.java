package no.webcruiteresa.domain;

import java.util.List;

/** A correspondent's postal address, the only address data that may reach archive metadata. */
public record PostalAddress(List<String> streetLines, String postalCode, String postalTown, String country) {
    public PostalAddress {
        streetLines = List.copyOf(streetLines);
    }
}
