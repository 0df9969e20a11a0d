/** Check the TLS certificates of an environment's https endpoints: expiry, host name, trust. */
package org.runbookunit.tls;
