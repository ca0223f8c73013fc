package dk.postfordeling.routing.destination.sbsys;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.DestinationKind;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.Targets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A case in SBSYS: {@code type: SBSYS, case-id: 27.00.00-G01-1-24} (KLE number, facet, serial, year). */
@Component
public final class SbsysKind implements DestinationKind {

    private static final Pattern CASE_NUMBER = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}-[A-Z]\\d{2}-\\d+-\\d{2}");

    @Override
    public DestinationType type() {
        return DestinationType.SBSYS;
    }

    @Override
    public String instanceName() {
        return "sbsys";
    }

    @Override
    public String target(String where, RoutingProperties.DestinationProperties entry) {
        return Targets.caseReference(where, entry, CASE_NUMBER, "an SBSYS case number such as 27.00.00-G01-1-24");
    }
}
