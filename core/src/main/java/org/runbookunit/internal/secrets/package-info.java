/** Not API: the redacting console stream; it may change in any release. */
package org.runbookunit.internal.secrets;
