package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrape the sample job board: read the roles posted so far from the listing file and store them through the API's
 * {@code POST /admin/roles} (the sample's stand-in for the database the real scheduler and API share), in batches.
 */
final class ScrapeJob {

    private static final int BATCH = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Path listing;
    private final URI api;
    private final String adminToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();

    ScrapeJob(Path listing, URI api, String adminToken) {
        this.listing = listing;
        this.api = api;
        this.adminToken = adminToken;
    }

    /**
     * Hold what one scrape found.
     *
     * @param seen the roles the board lists
     * @param added the roles the database did not hold yet
     * @param total the roles the database holds afterwards
     */
    record Result(int seen, List<Role> added, int total) {
    }

    /** Scrape the board as it is at {@code now}; throw when the board or the API cannot be read. */
    Result run(Instant now) throws IOException, InterruptedException {
        List<Role> seen = SampleListing.read(listing, now);
        List<Role> added = new ArrayList<>();
        int total = -1;
        for (int from = 0; from < seen.size(); from += BATCH) {
            JsonNode answer = store(seen.subList(from, Math.min(seen.size(), from + BATCH)));
            added.addAll(RoleJson.read(mapper.writeValueAsString(JsonNodeFactory.instance.objectNode()
                    .set("roles", answer.get("new_roles")))));
            total = answer.get("total").intValue();
        }
        return new Result(seen.size(), List.copyOf(added), total);
    }

    private JsonNode store(List<Role> batch) throws IOException, InterruptedException {
        String body = mapper.writeValueAsString(JsonNodeFactory.instance.objectNode().set("roles", RoleJson.write(batch)));
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/admin/roles")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + request.uri() + " answered " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }
}
