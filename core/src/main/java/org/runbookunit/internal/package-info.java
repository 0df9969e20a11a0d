/** Not API: helpers shared inside runbookunit-core; they may change in any release. */
package org.runbookunit.internal;
