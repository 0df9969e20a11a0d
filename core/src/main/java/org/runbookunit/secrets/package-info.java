/** Keep secret values out of the console, reports, evidence and exception messages. */
package org.runbookunit.secrets;
