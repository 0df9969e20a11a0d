/** Not API: reading attestations and waivers and deciding which apply to a run; they may change in any release. */
package org.runbookunit.internal.signoff;
