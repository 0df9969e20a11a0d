/** Not API: the engine's facade registry and run-wide resources; they may change in any release. */
package org.runbookunit.internal.engine;
