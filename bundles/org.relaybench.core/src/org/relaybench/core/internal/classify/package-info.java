/**
 * The reply classifier: reads error and server reply texts by their structure (reply code, enhanced
 * status code, key phrases, client wrappers) and maps them to cause codes.
 */
package org.relaybench.core.internal.classify;
