package dk.postfordeling.routing.table;

import dk.postfordeling.contracts.DestinationType;
import java.util.regex.Pattern;

/** A kind of destination that files in a case of an ESDH system, named by a case reference of a known shape. */
public abstract class CaseKind implements DestinationKind {

    private final DestinationType type;
    private final String instanceName;
    private final Pattern shape;
    private final String expected;

    /**
     * @param shape    what the system's case references look like
     * @param expected the reference described for a message, e.g. {@code an SBSYS case number such as 27.00.00-G01-1-24}
     */
    protected CaseKind(DestinationType type, String instanceName, Pattern shape, String expected) {
        this.type = type;
        this.instanceName = instanceName;
        this.shape = shape;
        this.expected = expected;
    }

    @Override
    public DestinationType type() {
        return type;
    }

    @Override
    public String instanceName() {
        return instanceName;
    }

    @Override
    public String target(String where, RoutingProperties.DestinationProperties entry) {
        return Targets.caseReference(where, entry, shape, expected);
    }
}
