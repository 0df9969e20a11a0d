package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** Write roles as {@code /demand/roles} lists them. */
final class RoleJson {

    private RoleJson() {
    }

    /** Return {@code roles} as a JSON array of role objects. */
    static ArrayNode write(List<Role> roles) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Role role : roles) {
            array.addObject()
                    .put("id", role.id())
                    .put("title", role.title())
                    .put("company", role.company())
                    .put("location", role.location())
                    .put("qualified", role.qualified())
                    .put("first_seen", role.firstSeen().toString());
        }
        return array;
    }
}
