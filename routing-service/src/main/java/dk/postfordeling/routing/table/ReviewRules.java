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

    /**
     * A compiled rule.
     *
     * @param terms    all of the rule's terms in one pattern
     * @param each     each configured term (as written) with its own pattern, to say which one matched
     */
    public record Rule(String name, Pattern terms, boolean requiresCpr, java.util.Map<String, Pattern> each) {

        /** The configured term that matched the text first, e.g. {@code diabet}. */
        public Optional<String> termIn(String text) {
            return each.entrySet().stream().filter(e -> e.getValue().matcher(text).find()).map(java.util.Map.Entry::getKey)
                    .findFirst();
        }
    }

    /** A match: the rule and the configured term (never the mail's own words). */
    public record Match(Rule rule, String term) {
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
            java.util.Map<String, Pattern> each = new java.util.LinkedHashMap<>();
            for (String term : rule.terms()) {
                each.put(term.strip(), Pattern.compile(termPattern(term), FLAGS));
            }
            String alternatives = rule.terms().stream().map(ReviewRules::termPattern).collect(Collectors.joining("|"));
            rules.add(new Rule(rule.name().strip(), Pattern.compile("(?:" + alternatives + ")", FLAGS), rule.requiresCpr(),
                    java.util.Collections.unmodifiableMap(each)));
        }
        return List.copyOf(rules);
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /**
     * A term matches at the start of a word, so its inflections match too (Danish inflects at the end:
     * {@code diabet} → diabetes, diabetiker); a term that starts with {@code *} also matches inside a
     * compound ({@code *sygdom} → hjertesygdom). Spaces in a term match any white space.
     */
    static String termPattern(String term) {
        String t = term.strip();
        boolean inCompound = t.startsWith("*");
        String quoted = Pattern.quote(inCompound ? t.substring(1) : t).replace(" ", "\\E\\s+\\Q");
        return inCompound ? quoted : "(?<![\\p{L}\\p{N}])" + quoted;
    }

    /** The first rule the mail's content matches, with the term that matched. */
    public Optional<Match> firstMatchWithTerm(MailContent content) {
        if (content == null) {
            return Optional.empty();
        }
        String text = text(content);
        return firstMatch(content).map(rule -> new Match(rule, rule.termIn(text).orElse(rule.name())));
    }

    /** The first rule the mail's content matches. */
    public Optional<Rule> firstMatch(MailContent content) {
        if (content == null) {
            return Optional.empty();
        }
        String text = text(content);
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

    /** Subject and text, as the rules read them. */
    private static String text(MailContent content) {
        return (content.subject() == null ? "" : content.subject() + "\n") + (content.text() == null ? "" : content.text());
    }
}
