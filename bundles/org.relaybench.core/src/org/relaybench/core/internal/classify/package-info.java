/**
 * The reply classifier: reads error and server reply texts by their structure (reply code, enhanced
 * status code, key phrases, client wrappers) and maps them to cause codes.
 * <p>
 * {@link org.relaybench.core.internal.classify.ReplyClassifier} is the entry point. The rules live in
 * four tables: {@code ClientRules} (words of iOS Mail, Outlook, Thunderbird, libraries),
 * {@code AuthRules} and {@code TransportRules} (server phrases), {@code ServerRules} (server
 * software), plus {@code CodeRules} for what codes say on their own. When adding a rule: list the
 * key words it can begin with, write every alternative of its pattern so that it begins with one of
 * them (context before the word goes into a look-behind), keep repetitions bounded, and give it a
 * reply, client or server text in the tests.
 */
package org.relaybench.core.internal.classify;
