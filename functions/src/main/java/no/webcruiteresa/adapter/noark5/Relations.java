package no.webcruiteresa.adapter.noark5;

/** The Noark 5 tjenestegrensesnitt link relations the client follows. It never builds a path itself. */
final class Relations {
    private static final String API = "https://rel.arkivverket.no/noark5/v5/api/";
    static final String ARKIVSTRUKTUR = API + "arkivstruktur/";
    static final String SAKARKIV = API + "sakarkiv/";
    static final String ARKIVDEL = ARKIVSTRUKTUR + "arkivdel/";
    static final String KLASSIFIKASJONSSYSTEM = ARKIVSTRUKTUR + "klassifikasjonssystem/";
    static final String KLASSE = ARKIVSTRUKTUR + "klasse/";
    static final String SAKSMAPPE = SAKARKIV + "saksmappe/";
    static final String NY_SAKSMAPPE = SAKARKIV + "ny-saksmappe/";
    static final String JOURNALPOST = SAKARKIV + "journalpost/";
    static final String NY_JOURNALPOST = SAKARKIV + "ny-journalpost/";
    static final String METADATA = API + "metadata/";
    // v1.1 puts correspondents under arkivstruktur; some older servers publish them under sakarkiv.
    static final String KORRESPONDANSEPART = ARKIVSTRUKTUR + "korrespondansepart/";
    static final String NY_KORRESPONDANSEPARTPERSON = ARKIVSTRUKTUR + "ny-korrespondansepartperson/";
    static final String NY_KORRESPONDANSEPARTINTERN = ARKIVSTRUKTUR + "ny-korrespondansepartintern/";
    static final String LEGACY_KORRESPONDANSEPART = SAKARKIV + "korrespondansepart/";
    static final String LEGACY_NY_KORRESPONDANSEPARTPERSON = SAKARKIV + "ny-korrespondansepartperson/";
    static final String LEGACY_NY_KORRESPONDANSEPARTINTERN = SAKARKIV + "ny-korrespondansepartintern/";
    static final String FORMAT = METADATA + "format/";
    static final String NY_FORMAT = METADATA + "ny-format/";
    static final String CUSTOM_METADATA = METADATA + "virksomhetsspesifikkeMetadata/";
    static final String NY_CUSTOM_METADATA = METADATA + "ny-virksomhetsspesifikkeMetadata/";
    static final String LOGIN_OIDC = API + "login/oidc/";
    static final String LOGIN_OAUTH2 = API + "login/rfc6749/";
    static final String DOKUMENTBESKRIVELSE = ARKIVSTRUKTUR + "dokumentbeskrivelse/";
    static final String NY_DOKUMENTBESKRIVELSE = ARKIVSTRUKTUR + "ny-dokumentbeskrivelse/";
    static final String DOKUMENTOBJEKT = ARKIVSTRUKTUR + "dokumentobjekt/";
    static final String NY_DOKUMENTOBJEKT = ARKIVSTRUKTUR + "ny-dokumentobjekt/";
    static final String FIL = ARKIVSTRUKTUR + "fil/";
    static final String SELF = "self";

    private Relations() {
    }
}
