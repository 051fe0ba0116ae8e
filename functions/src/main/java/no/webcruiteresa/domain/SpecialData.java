package no.webcruiteresa.domain;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The applicant's birth date, nationality and special-consideration flags live only inside the screened PDFs.
 * A drop that would carry one into any text the archive registers (titles, file names) is refused, not repaired:
 * a person must look at it. Pure: no I/O.
 */
final class SpecialData {
    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    private static final List<DateTimeFormatter> BIRTH_DATE_FORMS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"),
            DateTimeFormatter.ofPattern("d.M.yyyy"), DateTimeFormatter.ofPattern("ddMMyyyy"),
            DateTimeFormatter.ofPattern("ddMMyy"), DateTimeFormatter.ofPattern("dd.MM.yy"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ofPattern("d. MMMM yyyy", NORWEGIAN),
            DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.ENGLISH));
    /** Words that name a flag, in the forms titles use; a word that starts with one counts (compounds). */
    private static final List<String> FLAG_TERMS = List.of("fortrinnsrett", "fortrinnsberettig", "preferential right",
            "innvandrerbakgrunn", "minoritetsbakgrunn", "immigrant background", "funksjonsnedsett",
            "nedsatt funksjonsevne", "funksjonshem", "disability", "disabled", "exemptionRequested",
            "preferentialRight", "immigrantBackground");

    private SpecialData() {
    }

    /** @throws InvalidDropException naming the field and the rule, never the value */
    static void rejectIn(DocumentDrop drop) {
        Applicant applicant = drop.applicant();
        if (applicant == null) {
            return;
        }
        for (Text text : registeredTexts(drop)) {
            String value = nfc(text.value());
            if (applicant.birthDate() != null && BIRTH_DATE_FORMS.stream().map(f -> f.format(applicant.birthDate()))
                    .anyMatch(date -> value.toLowerCase(Locale.ROOT).contains(date.toLowerCase(Locale.ROOT)))) {
                throw new InvalidDropException(text.field(), "must not contain the applicant's birth date");
            }
            // The posting's own title may name a language or a preferential right ("Lektor i svensk"): that is
            // about the job, not the applicant, so it is left out before looking.
            String own = withoutPosting(value, drop.posting());
            if (mentionsNationality(own, applicant.nationality())) {
                throw new InvalidDropException(text.field(), "must not contain the applicant's nationality");
            }
            if (FLAG_TERMS.stream().anyMatch(term -> wordStart(term).matcher(own).find())) {
                throw new InvalidDropException(text.field(), "must not mention a special-consideration flag");
            }
        }
    }

    private record Text(String field, String value) {
    }

    private static List<Text> registeredTexts(DocumentDrop drop) {
        List<Text> texts = new ArrayList<>(List.of(new Text("title", drop.title())));
        for (DropFile file : drop.files()) {
            if (file.title() != null) {
                texts.add(new Text("files.file.title", file.title()));
            }
            texts.add(new Text("files.file.name", file.name()));
        }
        return texts;
    }

    private static boolean mentionsNationality(String text, String nationality) {
        if (nationality == null || nationality.isBlank()) {
            return false;
        }
        String value = nfc(nationality.strip());
        // A code such as "SE" is matched as written, so the word "se" in a title is not taken for it.
        int flags = value.length() <= 3 ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])", flags)
                .matcher(text).find();
    }

    private static String withoutPosting(String text, Posting posting) {
        String rest = text;
        for (String own : List.of(posting.title(), posting.organisationalUnit())) {
            rest = Pattern.compile(Pattern.quote(nfc(own)), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(rest).replaceAll(" ");
        }
        return rest;
    }

    private static Pattern wordStart(String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
