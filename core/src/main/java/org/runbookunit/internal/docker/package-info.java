/** Not API: which Docker engine rehearsals and {@code Containers} steps use; may change in any release. */
package org.runbookunit.internal.docker;
