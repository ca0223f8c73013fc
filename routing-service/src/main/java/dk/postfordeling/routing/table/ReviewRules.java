package dk.postfordeling.routing.table;

import dk.postfordeling.contracts.MailContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The routing table's always-review rules, checked before any routing: a mail they match goes to a
 * person whatever the model or the sender's KLE code says. Validated at start-up: a rule without a
 * name or terms stops the service with a message naming it.
 */
@Component
public class ReviewRules {

    /** A compiled rule. */
    public record Rule(String name, Pattern terms, boolean requiresCpr) {
    }

    private volatile List<Rule> rules;

    public ReviewRules(RoutingProperties properties) {
        this.rules = compile(properties.alwaysReview());
    }

    /** Replaces the rules after validating the new ones; a bad rule leaves the current rules in place. */
    public void replace(List<RoutingProperties.ReviewRuleProperties> configured) {
        this.rules = compile(configured);
    }

    static List<Rule> compile(List<RoutingProperties.ReviewRuleProperties> configured) {
        List<Rule> rules = new ArrayList<>();
        if (configured == null) {
            return rules;
        }
        for (int i = 0; i < configured.size(); i++) {
            RoutingProperties.ReviewRuleProperties rule = configured.get(i);
            String where = "always-review rule " + (i + 1);
            if (rule == null || rule.name() == null || rule.name().isBlank()) {
                throw new InvalidRoutingTableException(where + " has no name");
            }
            where += " '" + rule.name() + "'";
            if (rule.terms() == null || rule.terms().isEmpty() || rule.terms().stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new InvalidRoutingTableException(where + " needs terms, none of them blank");
            }
            // A term matches at the start of a word: Danish inflects and compounds at the end.
            String alternatives = rule.terms().stream().map(t -> Pattern.quote(t.strip()).replace(" ", "\\E\\s+\\Q"))
                    .collect(Collectors.joining("|"));
            rules.add(new Rule(rule.name().strip(),
                    Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    rule.requiresCpr()));
        }
        return List.copyOf(rules);
    }

    /** The first rule the mail's content matches. */
    public Optional<Rule> firstMatch(MailContent content) {
        if (content == null) {
            return Optional.empty();
        }
        String text = (content.subject() == null ? "" : content.subject() + "\n") + (content.text() == null ? "" : content.text());
        for (Rule rule : rules) {
            if (rule.requiresCpr() && content.cprNumbersFound() == 0) {
                continue;
            }
            if (rule.terms().matcher(text).find()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
