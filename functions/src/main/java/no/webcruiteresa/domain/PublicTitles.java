package no.webcruiteresa.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Titles as the archive registers them: in NFC, without e-mail addresses or phone numbers (contact details
 * stay in the PDFs), and, in a public title, without any part of the name of an applicant who asked for
 * exemption. Pure: no I/O.
 */
final class PublicTitles {
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /**
     * 8 to 15 digits, optionally after a "+", separated by single spaces at most: Norwegian and international
     * numbers as people write them. Digits joined to letters, hyphens or slashes (document ids such as
     * WC201-240117-1001, dates) are not phone numbers.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}+/.-])\\+?\\d(?: ?\\d){7,14}(?![\\p{L}\\p{N}/-])");

    private PublicTitles() {
    }

    /** The title as registered: NFC, contact details replaced by the screening mark. */
    static String registered(String title) {
        String text = SpecialData.nfc(title);
        text = EMAIL.matcher(text).replaceAll(RegistrationRules.SCREENED);
        return PHONE.matcher(text).replaceAll(RegistrationRules.SCREENED);
    }

    /** The registered title with every part of the applicant's name screened, as whole words in any case. */
    static String withoutName(String registeredTitle, Applicant applicant) {
        String title = registeredTitle;
        for (String name : nameForms(applicant)) {
            // Whole words only: "Åse" must not screen the "åse" in "Byåsen".
            title = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(title).replaceAll(RegistrationRules.SCREENED);
        }
        return title;
    }

    /** The full name, each name as given, then every single part; longest first so a full name stays one mark. */
    private static List<String> nameForms(Applicant applicant) {
        Set<String> forms = new LinkedHashSet<>();
        String given = SpecialData.nfc(applicant.givenName().strip());
        String family = SpecialData.nfc(applicant.familyName().strip());
        forms.add(given + " " + family);
        forms.add(given);
        forms.add(family);
        for (String part : (given + " " + family).split("[\\s\\-]+")) {
            // A lone initial would screen every single letter of the title.
            if (part.replace(".", "").length() >= 2) {
                forms.add(part);
            }
        }
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return ordered;
    }
}
