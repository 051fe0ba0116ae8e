package no.webcruiteresa.fiksarkiv;

import java.util.Map;

/** The Fiks Arkiv v1 message types the door sends and reads (meldingstyper.json in the specification). */
public final class MessageTypes {
    public static final String ARKIVMELDING_OPPRETT = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett";
    public static final String ARKIVMELDING_OPPRETT_MOTTATT = ARKIVMELDING_OPPRETT + ".mottatt";
    public static final String ARKIVMELDING_OPPRETT_KVITTERING = ARKIVMELDING_OPPRETT + ".kvittering";
    public static final String ARKIVMELDING_OPPDATER = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.oppdater";
    public static final String ARKIVMELDING_OPPDATER_MOTTATT = ARKIVMELDING_OPPDATER + ".mottatt";
    /** Has no payload: the update was made. */
    public static final String ARKIVMELDING_OPPDATER_KVITTERING = ARKIVMELDING_OPPDATER + ".kvittering";
    public static final String MAPPE_HENT = "no.ks.fiks.arkiv.v1.innsyn.mappe.hent";
    public static final String MAPPE_HENT_RESULTAT = MAPPE_HENT + ".resultat";
    public static final String REGISTRERING_HENT = "no.ks.fiks.arkiv.v1.innsyn.registrering.hent";
    public static final String REGISTRERING_HENT_RESULTAT = REGISTRERING_HENT + ".resultat";
    public static final String UGYLDIG_FORESPOERSEL = "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel";
    public static final String IKKE_FUNNET = "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet";
    public static final String SERVERFEIL = "no.ks.fiks.arkiv.v1.feilmelding.serverfeil";

    /** The payload file each message type carries in its package (payloadFilnavn). */
    private static final Map<String, String> PAYLOAD_FILES = Map.of(
            ARKIVMELDING_OPPRETT, "arkivmelding.xml",
            ARKIVMELDING_OPPRETT_KVITTERING, "arkivmelding-kvittering.xml",
            ARKIVMELDING_OPPDATER, "arkivmelding.xml",
            MAPPE_HENT, "mappe-hent.xml",
            MAPPE_HENT_RESULTAT, "resultat.xml",
            REGISTRERING_HENT, "registrering-hent.xml",
            REGISTRERING_HENT_RESULTAT, "resultat.xml",
            UGYLDIG_FORESPOERSEL, "feilmelding.xml",
            IKKE_FUNNET, "feilmelding.xml",
            SERVERFEIL, "feilmelding.xml");

    private MessageTypes() {
    }

    /** The payload's file name in the package, or null for a message without payload (mottatt). */
    public static String payloadFile(String messageType) {
        return PAYLOAD_FILES.get(messageType);
    }

    public static boolean isError(String messageType) {
        return messageType.equals(UGYLDIG_FORESPOERSEL) || messageType.equals(IKKE_FUNNET)
                || messageType.equals(SERVERFEIL);
    }
}
