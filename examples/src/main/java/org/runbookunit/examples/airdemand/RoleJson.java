package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Write roles as {@code /demand/roles} lists them, and read them back from a {@code {"roles": [...]}} body. */
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

    /** Read the {@code roles} array of {@code body}, or throw {@link InvalidRequestBodyException} naming the bad role. */
    static List<Role> read(String body) {
        ObjectNode root = JsonBody.readObject(body);
        JsonNode array = root.path("roles");
        if (!array.isArray()) {
            throw new InvalidRequestBodyException(BodyError.at(List.of("body", "roles"), "Input should be a valid list",
                    "list_type"));
        }
        List<Role> roles = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            JsonNode role = array.get(index);
            try {
                roles.add(new Role(role.get("id").intValue(), role.get("title").textValue(),
                        role.get("company").textValue(), role.get("location").textValue(),
                        role.get("qualified").booleanValue(), Instant.parse(role.get("first_seen").textValue())));
            } catch (NullPointerException | DateTimeParseException incomplete) {
                throw new InvalidRequestBodyException(BodyError.at(List.of("body", "roles", index),
                        "Value error, a role needs id, title, company, location, qualified and first_seen", "value_error"));
            }
        }
        return roles;
    }
}
