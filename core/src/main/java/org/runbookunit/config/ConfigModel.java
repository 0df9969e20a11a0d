package org.runbookunit.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Mirror runbook.yaml for Jackson. Plain fields (not records) so Jackson reports an unknown key at its own line; every
 * class rejects unknown keys.
 */
final class ConfigModel {

    private ConfigModel() {
    }

    /** The file's top level. */
    static final class File {
        @JsonProperty("environments")
        Map<String, Environment> environments;
    }

    /** One environment's entry. */
    static final class Environment {
        @JsonProperty("endpoints")
        Map<String, String> endpoints;
        @JsonProperty("database")
        Database database;
        @JsonProperty("read-only")
        Boolean readOnly;
        @JsonProperty("rehearsal")
        Boolean rehearsal;
        @JsonProperty("windows-scale")
        Double windowsScale;
        @JsonProperty("ignore-https-errors")
        Boolean ignoreHttpsErrors;
        @JsonProperty("properties")
        Map<String, Property> properties;
        @JsonProperty("hosts")
        Map<String, Host> hosts;
        @JsonProperty("health-paths")
        Map<String, String> healthPaths;
    }

    /** A host commands run on: over SSH, or the runner itself. */
    static final class Host {
        @JsonProperty("ssh")
        String ssh;
        @JsonProperty("identity")
        String identity;
        @JsonProperty("known-hosts")
        String knownHosts;
        @JsonProperty("jump")
        String jump;
        @JsonProperty("local")
        Boolean local;
    }

    /** An environment's database. */
    static final class Database {
        @JsonProperty("url")
        String url;
        @JsonProperty("user")
        String user;
        @JsonProperty("password")
        String password;
    }

    /** A property: a plain value, or {@code { value: "…", secret: true }}. */
    static final class Property {
        @JsonProperty("value")
        String value;
        @JsonProperty("secret")
        boolean secret;

        Property() {
        }

        @JsonCreator
        static Property of(String value) {
            Property property = new Property();
            property.value = value;
            return property;
        }
    }
}
