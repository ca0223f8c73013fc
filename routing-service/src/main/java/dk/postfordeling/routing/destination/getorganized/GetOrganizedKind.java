package dk.postfordeling.routing.destination.getorganized;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.CaseKind;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A case in Netcompany GetOrganized: {@code type: GET_ORGANIZED, case-id: BOR-2022-000046}. */
@Component
public final class GetOrganizedKind extends CaseKind {

    public GetOrganizedKind() {
        super(DestinationType.GET_ORGANIZED, "getorganized", Pattern.compile("[A-ZÆØÅ]+-\\d{4}-\\d{6}"),
                "a GetOrganized case id such as BOR-2022-000046");
    }
}
