/** Sign-offs of people: attestations of manual steps and waivers of known failures. */
package org.runbookunit.signoff;
