"""Serve 20 JSON API endpoints on 127.0.0.1 (a free port, written to the file named by argv[1]) for the benchmark."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Api(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 3 and parts[:2] == ["api", "check"] and parts[2].isdigit():
            body = json.dumps({"status": "ok", "id": int(parts[2]), "items": [1, 2, 3], "total": 747}).encode()
            self.send_response(200)
        else:
            body = b'{"status":"not found"}'
            self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
with open(sys.argv[1], "w") as port_file:
    port_file.write(str(server.server_address[1]))
server.serve_forever()
