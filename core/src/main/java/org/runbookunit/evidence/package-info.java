/** Save what each step saw (responses, query results, screenshots) as files the report links to. */
package org.runbookunit.evidence;
