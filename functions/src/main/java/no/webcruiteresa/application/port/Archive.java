package no.webcruiteresa.application.port;

/**
 * The archive as the functions use it, whichever door leads to it (the Noark 5 REST API or KS Fiks Arkiv): cases,
 * entries and personnel files.
 */
public interface Archive extends CaseArchive, EntryArchive {
    PersonnelFiles personnelFiles();
}
