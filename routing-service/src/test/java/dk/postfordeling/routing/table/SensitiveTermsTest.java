package dk.postfordeling.routing.table;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.MailContent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The default always-review rules for special categories of personal data (GDPR art. 9 and 10), as
 * shipped in application.yml, on ordinary Danish sentences: common illnesses, inflections and
 * compounds fire; everyday mail does not; nothing fires without a CPR number.
 */
class SensitiveTermsTest {

    private static final ReviewRules RULES = shipped();

    private static ReviewRules shipped() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
            List<RoutingProperties.ReviewRuleProperties> rules = Binder.get(environment)
                    .bind("postfordeling.routing.always-review", Bindable.listOf(RoutingProperties.ReviewRuleProperties.class))
                    .orElseThrow(() -> new IllegalStateException("no always-review rules in application.yml"));
            return new ReviewRules(new RoutingProperties(java.nio.file.Path.of("blobs"), "postfordeling@kommune.example",
                    java.util.Map.of(), 5, java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(250), rules, true, 1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fired(String text, int cprNumbers) {
        return RULES.firstMatchWithTerm(new MailContent("Henvendelse", text, cprNumbers, false))
                .map(m -> m.rule().name() + ":" + m.term()).orElse("none");
    }

    @Test
    void commonIllnessesInflectionsAndCompoundsFire() {
        assertThat(fired("Min mor har diabetes og kan ikke selv bære skraldespanden ud.", 1)).isEqualTo("helbred-og-sociale-forhold:diabet");
        assertThat(fired("Han er diabetiker og skal have hjælp.", 1)).isEqualTo("helbred-og-sociale-forhold:diabet");
        assertThat(fired("Efter sin hjertesygdom kan min far ikke gå på trapper.", 1)).startsWith("helbred-og-sociale-forhold:");
        assertThat(fired("Jeg har sukkersyge.", 1)).startsWith("helbred-og-sociale-forhold:");
        assertThat(fired("Hun fik konstateret brystkræft i foråret.", 1)).isEqualTo("helbred-og-sociale-forhold:*kræft");
        assertThat(fired("Min søn har astma og ADHD.", 1)).startsWith("helbred-og-sociale-forhold:");
        assertThat(fired("Jeg lider af en depression.", 1)).isEqualTo("helbred-og-sociale-forhold:depression");
        assertThat(fired("Jeg har været sygemeldt i tre uger.", 1)).startsWith("helbred-og-sociale-forhold:");
        assertThat(fired("Min datter har lungebetændelse.", 1)).isEqualTo("helbred-og-sociale-forhold:*betændelse");
        assertThat(fired("Der er brug for et hjælpemiddel i badeværelset.", 1)).startsWith("helbred-og-sociale-forhold:");
    }

    @Test
    void theOtherSpecialCategoriesAndCriminalOffencesFire() {
        assertThat(fired("Som muslim ønsker jeg halal mad i institutionen.", 1)).isEqualTo("saerlige-kategorier:muslim");
        assertThat(fired("Jeg er medlem af en fagforening.", 1)).isEqualTo("saerlige-kategorier:fagforening");
        assertThat(fired("Vi er et homoseksuelt par og vil adoptere.", 1)).isEqualTo("saerlige-kategorier:homoseksuel");
        assertThat(fired("Jeg skal bruge en børneattest, men har en straffeattest med en dom.", 1)).startsWith("strafbare-forhold:");
        assertThat(fired("Min søn blev dømt for tyveri sidste år.", 1)).startsWith("strafbare-forhold:");
    }

    @Test
    void everydayMailDoesNotFire() {
        assertThat(fired("Kan I hente storskrald på Vestergade 12 på tirsdag?", 1)).isEqualTo("none");
        assertThat(fired("Hvornår er sagsbehandlingen af min byggesag færdig?", 1)).isEqualTo("none");
        assertThat(fired("Der holder en bil i blindgyden ved skolen.", 1)).isEqualTo("none");
        assertThat(fired("Jeg skal forny mit pas og mit kørekort.", 1)).isEqualTo("none");
    }

    @Test
    void nothingFiresWithoutACprNumber() {
        assertThat(fired("Min mor har diabetes og kan ikke selv bære skraldespanden ud.", 0)).isEqualTo("none");
        assertThat(fired("Jeg har en straffeattest.", 0)).isEqualTo("none");
    }
}
