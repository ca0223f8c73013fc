package dk.postfordeling.routing.web;

import dk.postfordeling.contracts.MailJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.core.type.TypeReference;

/**
 * axe-core (from npm, installed by {@code .ci/run} into {@code src/test/axe}) injected into the page
 * the browser shows, checking WCAG 2.1 A and AA. Nothing is skipped when it is missing: the check
 * fails and says how to install it.
 */
final class Axe {

    static final Path SCRIPT = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
                  nodes: v.nodes.map(n => n.target.join(' '))})))))
              .catch(e => done(JSON.stringify([{id: 'axe-error', impact: String(e), nodes: []}])));
            """;

    private Axe() {
    }

    /** The WCAG 2.1 A/AA violations on the page now shown, one line each: rule, impact, where. */
    static List<String> violations(ChromeDriver driver) throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException("axe-core is not installed: npm ci --prefix routing-service/src/test/axe (.ci/run does this)");
        }
        driver.executeScript(Files.readString(SCRIPT));
        String json = (String) driver.executeAsyncScript(RUN);
        List<Map<String, Object>> found = MailJson.mapper().readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : found) {
            lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"));
        }
        return lines;
    }
}
