package dk.postfordeling.routing.web;

import dk.postfordeling.contracts.http.ModelCard;
import dk.postfordeling.contracts.http.ModelOverview;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model version's card in Danish, for the municipality's AI governance and access requests: what
 * it is for and not for, what it learnt from, how it was measured (with slices), how its confidence
 * is calibrated and when it routes, what changed since the version before, and how it came into
 * use. Every figure comes from the classifier's recorded provenance; what is not recorded says so.
 * The same sections make the page and the PDF.
 */
public record ModelCardView(String title, List<Section> sections) {

    /** A heading, its paragraphs and a table of label and value rows. */
    public record Section(String heading, List<String> paragraphs, List<Row> rows) {
    }

    public record Row(String label, String value) {
    }

    static ModelCardView of(ModelCard card) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Model", List.of(), List.of(
                new Row("Version", card.version()),
                new Row("Trænet", Format.time(card.trainedAt())),
                new Row("I brug", card.current() ? "ja" : "nej"),
                new Row("Slags", "ordmodel: TF-IDF-vægtede ordindlejringer (DJL, PyTorch)"
                        + (card.secondStage() == null ? "" : ", med sætningsindlejringer (" + card.secondStage() + ") som andet trin")))));
        sections.add(new Section("Tilsigtet brug og begrænsninger", List.of(
                "Modellen foreslår, hvilken funktionspostkasse eller sag en indgående henvendelse fra en borger eller virksomhed hører til."
                        + " Den fordeler kun selv, når dens kalibrerede sikkerhed for en modtager når modtagerens tærskel; al anden post"
                        + " går til en medarbejder med modellens forslag og begrundelse.",
                "Den træffer ingen afgørelser om borgere og behandler ingen sager: den flytter kun post. Regler for post, der altid"
                        + " skal ses af en medarbejder (fx aktindsigt og helbredsoplysninger med CPR-nummer), gælder før modellen.",
                "Den kender kun de " + card.perLabel().size() + " modtagere, den er trænet på; post om andet går til en medarbejder."
                        + " Den er målt på post som i træningsdata; anden post (andre sprog, nye emner) kan den klare dårligere"
                        + " — se delene af posten nedenfor og driftssidens løbende opgørelse."), List.of()));
        List<Row> data = new ArrayList<>();
        data.add(new Row("Kilde", card.source() + (card.sample() ? " (medfølgende eksempeldata, ikke kommunens egne)" : "")));
        data.add(new Row("Eksempler", Integer.toString(card.rows())));
        if (card.feedbackRows() != null) {
            data.add(new Row("Heraf medarbejderes afgørelser", Integer.toString(card.feedbackRows())));
        }
        data.add(new Row("Periode", "registreres ikke; datasættet er entydigt bestemt af kilde og SHA-256"));
        data.add(new Row("SHA-256", card.dataSha256()));
        card.perLabel().forEach((label, n) -> data.add(new Row("Eksempler: " + label, Integer.toString(n))));
        sections.add(new Section("Træningsdata", List.of(), data));
        sections.add(new Section("Persondata i træningen", List.of(
                "Før modellen ser en tekst, erstattes CPR-numre, e-mailadresser, telefonnumre og webadresser af pladsholdere"
                        + " (<cpr>, <email>, <phone>, <url>), og tal af <num>; modellen lærer dem derfor ikke, og dens forklaringer viser dem ikke.",
                "Navne og adresser erstattes ikke. Ord, der går igen i mange henvendelser, kan stå i modellens ordforråd, så længe"
                        + " versionen gemmes."), List.of()));
        List<Row> evaluation = new ArrayList<>();
        evaluation.add(new Row("Metode", "krydsvalidering: hver træningshenvendelse vurderet af en model, der ikke havde set den"));
        figure(evaluation, card.evaluation(), "crossValidatedAccuracy", "Træfsikkerhed");
        if (card.expected() != null) {
            ModelOverview.Expected e = card.expected();
            evaluation.add(new Row("Forventet automatisk fordelt", share(e.routedShare()) + " af posten"));
            evaluation.add(new Row("Heraf rigtigt (præcision)", share(e.precision()) + " (mål " + share(e.targetPrecision()) + ")"));
        }
        List<String> sliceNote = new ArrayList<>();
        if (card.slices() != null) {
            sliceNote.add("Dele af posten (ordtrinnet, krydsvalideret): antal, træfsikkerhed og automatisk andel.");
            card.slices().forEach((slice, f) -> evaluation.add(new Row("Del: " + slice,
                    f.examples() + " eksempler, træfsikkerhed " + share(f.accuracy()) + ", automatisk " + share(f.routedShare()))));
        } else {
            sliceNote.add("Dele af posten blev ikke registreret for denne version.");
        }
        sections.add(new Section("Evaluering", sliceNote, evaluation));
        List<Row> calibration = new ArrayList<>();
        calibration.add(new Row("Temperatur", String.format(Locale.ROOT, "%.3f", card.temperature()).replace('.', ',')));
        figure(calibration, card.evaluation(), "crossValidatedLogLossUncalibrated", "Log-tab før kalibrering");
        figure(calibration, card.evaluation(), "crossValidatedLogLossCalibrated", "Log-tab efter kalibrering");
        card.thresholds().forEach((label, threshold) -> calibration.add(new Row("Tærskel: " + label,
                threshold == null ? "altid en medarbejder" : share(threshold))));
        sections.add(new Section("Kalibrering og tærskler", List.of("Sikkerheden er kalibreret, så 90 % sikkerhed betyder omtrent"
                + " 9 rigtige af 10. Hver modtager har sin tærskel, valgt så den forventede præcision når målet."), calibration));
        sections.add(new Section("Ændringer siden forrige version", changes(card), List.of()));
        sections.add(new Section("Ibrugtagning", List.of(promotion(card)), List.of()));
        List<Row> libraries = new ArrayList<>();
        card.libraries().forEach((name, version) -> libraries.add(new Row(name, version)));
        sections.add(new Section("Biblioteker", List.of(), libraries));
        return new ModelCardView("Modelkort: " + card.version(), List.copyOf(sections));
    }

    private static List<String> changes(ModelCard card) {
        ModelCard.Previous previous = card.previous();
        if (previous == null) {
            return List.of("Der er ingen tidligere version.");
        }
        List<String> changes = new ArrayList<>();
        changes.add("Forrige version: " + previous.version() + ", trænet " + Format.time(previous.trainedAt()) + ".");
        changes.add("Eksempler: " + previous.rows() + " → " + card.rows() + ".");
        TreeSet<String> added = new TreeSet<>(card.perLabel().keySet());
        added.removeAll(previous.perLabel().keySet());
        TreeSet<String> removed = new TreeSet<>(previous.perLabel().keySet());
        removed.removeAll(card.perLabel().keySet());
        changes.add(added.isEmpty() ? "Ingen nye modtagere." : "Nye modtagere: " + String.join(", ", added) + ".");
        if (!removed.isEmpty()) {
            changes.add("Modtagere ikke længere med: " + String.join(", ", removed) + ".");
        }
        if (previous.routedShare() != null && card.expected() != null) {
            changes.add("Forventet automatisk fordelt: " + share(previous.routedShare()) + " → " + share(card.expected().routedShare())
                    + "; præcision " + share(previous.precision()) + " → " + share(card.expected().precision()) + ".");
        }
        return changes;
    }

    private static String promotion(ModelCard card) {
        ModelOverview.Shadow shadow = card.promotion();
        if (shadow == null) {
            return "Installeret af driften med kommandoen train; hvem og hvornår den blev taget i brug, registreres ikke for sådan en version.";
        }
        String compared = "Sammenlignet med " + shadow.currentVersion() + " på de " + shadow.examples()
                + " nyeste afgørelser fra medarbejdere: træfsikkerhed " + share(shadow.candidateAccuracy()) + " mod "
                + share(shadow.currentAccuracy()) + ", fejlfordelt " + shadow.candidateWronglyRouted() + " mod " + shadow.currentWronglyRouted() + ".";
        return compared + ("PROMOTED".equals(shadow.verdict())
                ? " Taget i brug automatisk af genoptræningen" + (shadow.evaluatedAt() == null ? "" : " " + Format.time(shadow.evaluatedAt())) + "."
                : " Ikke taget i brug: den var dårligere end modellen i brug.");
    }

    private static void figure(List<Row> rows, Map<String, Double> evaluation, String key, String label) {
        Double value = evaluation.get(key);
        if (value != null) {
            rows.add(new Row(label, key.contains("LogLoss") ? String.format(Locale.ROOT, "%.3f", value).replace('.', ',') : share(value)));
        }
    }

    /** A share as a Danish percentage with one decimal: 0.9801 → {@code 98,0 %}. */
    static String share(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * value).replace('.', ',');
    }
}
