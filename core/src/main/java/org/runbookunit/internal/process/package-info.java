/** Not API: the one way core runs a child process (drained, capped, with a deadline); it may change in any release. */
package org.runbookunit.internal.process;
