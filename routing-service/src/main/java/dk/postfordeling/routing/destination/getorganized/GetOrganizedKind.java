package dk.postfordeling.routing.destination.getorganized;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.DestinationKind;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.Targets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A case in Netcompany GetOrganized: {@code type: GET_ORGANIZED, case-id: BOR-2022-000046}. */
@Component
public final class GetOrganizedKind implements DestinationKind {

    private static final Pattern CASE_ID = Pattern.compile("[A-ZÆØÅ]+-\\d{4}-\\d{6}");

    @Override
    public DestinationType type() {
        return DestinationType.GET_ORGANIZED;
    }

    @Override
    public String instanceName() {
        return "getorganized";
    }

    @Override
    public String target(String where, RoutingProperties.DestinationProperties entry) {
        return Targets.caseReference(where, entry, CASE_ID, "a GetOrganized case id such as BOR-2022-000046");
    }
}
