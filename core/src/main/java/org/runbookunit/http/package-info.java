/** Check HTTP endpoints by name with REST Assured underneath: status, JSON, headers, body and latency. */
package org.runbookunit.http;
