"""Write the same 20 API checks as a RunbookUnit suite (smoke.yaml + runbook.yaml) and as a Postman collection."""
import json
import sys

port, out = sys.argv[1], sys.argv[2]
CHECKS = 20
base = "http://127.0.0.1:" + port

with open(out + "/runbook.yaml", "w") as config:
    config.write('environments:\n  bench:\n    endpoints: { api: "%s" }\n' % base)

with open(out + "/smoke.yaml", "w") as suite:
    suite.write("suite: bench 20 checks\nsteps:\n")
    for n in range(1, CHECKS + 1):
        suite.write("  - title: check %d\n    checks:\n      - http:\n          endpoint: api\n"
                    "          path: /api/check/%d\n          status: 200\n          json:\n"
                    "            - { path: status, eq: ok }\n            - { path: id, eq: %d }\n"
                    "            - { path: items, size: 3 }\n" % (n, n, n))

items = []
for n in range(1, CHECKS + 1):
    items.append({
        "name": "check %d" % n,
        "request": {"method": "GET", "url": base + "/api/check/%d" % n},
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
            "pm.test('status 200', () => pm.response.to.have.status(200));",
            "const body = pm.response.json();",
            "pm.test('status ok', () => pm.expect(body.status).to.eql('ok'));",
            "pm.test('id', () => pm.expect(body.id).to.eql(%d));" % n,
            "pm.test('items', () => pm.expect(body.items).to.have.lengthOf(3));",
        ]}}],
    })
with open(out + "/collection.json", "w") as collection:
    json.dump({"info": {"name": "bench 20 checks",
                        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
               "item": items}, collection, indent=1)
