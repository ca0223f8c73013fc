package dk.postfordeling.routing.destination.f2;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.DestinationKind;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.Targets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A case in cBrain F2: {@code type: F2, case-id: …}; F2 case ids are opaque, so any id without spaces. */
@Component
public final class F2Kind implements DestinationKind {

    private static final Pattern CASE_ID = Pattern.compile("[\\w.:/-]+");

    @Override
    public DestinationType type() {
        return DestinationType.F2;
    }

    @Override
    public String instanceName() {
        return "f2";
    }

    @Override
    public String target(String where, RoutingProperties.DestinationProperties entry) {
        return Targets.caseReference(where, entry, CASE_ID, "an F2 case id");
    }
}
