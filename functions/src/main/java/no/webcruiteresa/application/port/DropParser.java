package no.webcruiteresa.application.port;

import no.webcruiteresa.domain.DocumentDrop;

/** Reads a drop's XML under the drop contract's schema; throws InvalidDropException on any breach. */
public interface DropParser {
    DocumentDrop parse(byte[] xml);
}
