package no.webcruiteresa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;

/**
 * The personal values in test fixtures, collected from the fixtures themselves: applicants' names, birth dates (in
 * every format the fixtures and the archive use), addresses, e-mails and phone numbers, and file names.
 */
final class PersonalValues {
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.yyyy"), DateTimeFormatter.ofPattern("ddMMyy"));
    /** Elements of the drop XML that hold personal data (the names of files included). */
    private static final Pattern PERSONAL_ELEMENT = Pattern.compile(
            "<(givenName|familyName|streetAddress|email|phone|birthDate|name)>([^<]+)</\\1>");
    private static final Pattern DOTTED_DATE = Pattern.compile("\\b\\d{2}\\.\\d{2}\\.\\d{4}\\b");

    private final Set<String> values = new LinkedHashSet<>();

    PersonalValues addDrops(Collection<DocumentDrop> drops) {
        for (DocumentDrop drop : drops) {
            drop.applicantIfAny().ifPresent(this::addApplicant);
            drop.files().stream().map(DropFile::name).forEach(this::add);
        }
        return this;
    }

    PersonalValues addApplicant(Applicant applicant) {
        add(applicant.givenName());
        add(applicant.familyName());
        add(applicant.fullName());
        add(applicant.email());
        add(applicant.phone());
        if (applicant.birthDate() != null) {
            addDate(applicant.birthDate());
        }
        if (applicant.postalAddress() != null) {
            applicant.postalAddress().streetLines().forEach(this::add);
        }
        return this;
    }

    /** Personal elements of every drop XML under {@code root} (read as text: broken XML included). */
    PersonalValues addXmlFixtures(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String xml = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                Matcher element = PERSONAL_ELEMENT.matcher(xml);
                while (element.find()) {
                    String value = element.group(2).strip();
                    if (element.group(1).equals("birthDate") && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        addDate(LocalDate.parse(value));
                    } else {
                        add(value);
                    }
                }
                Matcher dotted = DOTTED_DATE.matcher(xml);
                while (dotted.find()) {
                    add(dotted.group());
                }
            }
            // File names of the fixtures' files, whether an XML names them or not.
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(f -> f.toString().endsWith(".pdf")).map(f -> f.getFileName().toString()).forEach(this::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PersonalValues add(String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.strip());
            // The parts of a name are names too: "O'Brien" leaks as "Brien", Kari_Nordmann_CV.pdf as "Nordmann".
            for (String word : value.strip().split("[\\s'’_.-]+")) {
                if (word.length() > 2 && Character.isUpperCase(word.codePointAt(0)) && !word.contains("@")) {
                    values.add(word);
                }
            }
        }
        return this;
    }

    private void addDate(LocalDate date) {
        DATE_FORMATS.forEach(format -> values.add(date.format(format)));
    }

    Set<String> values() {
        return values;
    }

    /** The lines holding any of the values as a whole word (a name inside another word is no leak). */
    List<String> leaks(List<String> lines) {
        List<Pattern> patterns = values.stream().map(v -> Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])")).toList();
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(line).find()) {
                    leaks.add("[" + values.stream().skip(i).findFirst().orElseThrow() + "] " + abbreviate(line));
                    break;
                }
            }
        }
        return leaks;
    }

    private static String abbreviate(String line) {
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
