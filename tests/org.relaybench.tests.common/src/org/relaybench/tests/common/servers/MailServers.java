package org.relaybench.tests.common.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real Postfix with Dovecot SASL, and Dovecot's IMAP and POP3, from Debian's packages, configured
 * in a private folder and listening on 127.0.0.1 only. No mail can leave: every transport is
 * {@code discard}, there is no relayhost, and the probes never send DATA anyway. The machine's own
 * MTA (if any) is untouched: this instance has its own main.cf, master.cf, queue and data folders,
 * and its master process is started and stopped by PID.
 *
 * <p>Ports: {@link #MX} like an MX (no AUTH, no relaying); {@link #SUBMISSION} (STARTTLS, AUTH only
 * after TLS, relaying only when authenticated); {@link #SUBMISSIONS} (implicit TLS);
 * {@link #STRICT} (demands STARTTLS before MAIL); {@link #SENDER_LOGIN} (as submission, and the
 * sender must belong to the login); Dovecot {@link #IMAP}, {@link #IMAPS}, {@link #POP3}.
 *
 * <p>Configuration and logs are kept in the given folder. What the servers' unprivileged processes
 * must reach lies in a {@link ShortDir} made for the run under /tmp instead: Dovecot's sockets
 * (including the SASL socket Postfix uses; Unix socket paths are limited to 107 bytes and checkouts
 * can be deep), its users file and mail homes, and Postfix's queue (with its public and private
 * sockets) and data folders (the {@code postfix} and {@code dovecot} users could not enter a checkout
 * under a private home folder). It is removed when the servers stop.
 */
public final class MailServers implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int MX = 20025;
    public static final int SUBMISSION = 20587;
    public static final int SUBMISSIONS = 20465;
    public static final int STRICT = 20588;
    public static final int SENDER_LOGIN = 20589;
    public static final int IMAP = 20143;
    public static final int IMAPS = 20993;
    public static final int POP3 = 20110;
    public static final String DOMAIN = "relaybench.test";
    public static final String USER = "alice@relaybench.test";
    /** The test user's password (test data only; the redaction tests look for it in all output). */
    public static final String PASSWORD = "Tr0ub4dor&3-relaybench";
    public static final String OTHER_USER = "bob@relaybench.test";
    public static final String OTHER_PASSWORD = "correct-horse-battery";

    private static final Duration START = Duration.ofSeconds(60);

    private final Path dir;
    private Path runtime;
    private ServerProcess dovecot;
    private ServerProcess postfix;

    private MailServers(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the configuration into {@code dir} (created when missing) and starts Dovecot and Postfix.
     *
     * @param dir a private folder, e.g. under the test module's target/
     * @return the running servers
     * @throws IOException when a server does not start
     * @throws InterruptedException when interrupted
     */
    public static MailServers start(Path dir) throws IOException, InterruptedException {
        MailServers servers = new MailServers(dir.toAbsolutePath());
        try {
            servers.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    private void startAll() throws IOException, InterruptedException {
        Path postfixDir = dir.resolve("postfix");
        Optional<Path> stale = ShortDir.previous(breadcrumb());
        if (stale.isPresent()) {
            ServerProcess.stopStale(stale.get().resolve("postfix/queue/pid/master.pid"), postfixDir.toString());
            ServerProcess.stopStale(stale.get().resolve("dovecot/master.pid"), dir.toString());
            ShortDir.delete(stale.get(), breadcrumb());
        }
        ServerProcess.requireFree(HOST, IMAP, IMAPS, POP3, MX, SUBMISSION, SUBMISSIONS, STRICT, SENDER_LOGIN);
        Files.createDirectories(dir);
        runtime = ShortDir.create("rb-mail-", breadcrumb());
        Path log = dir.resolve("setup.log");
        if (!Files.exists(certificate())) {
            ServerProcess.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", dir.resolve("key.pem").toString(), "-out", certificate().toString()), log);
        }
        writeDovecot();
        dovecot = ServerProcess.start("dovecot", List.of("dovecot", "-F", "-c", dir.resolve("dovecot/dovecot.conf")
                .toString()), dir.resolve("dovecot/stdout.log"));
        for (int port : new int[] { IMAP, IMAPS, POP3 }) {
            dovecot.awaitPort(HOST, port, START);
        }
        writePostfix(postfixDir);
        ServerProcess.run(List.of("postfix", "-c", postfixDir.resolve("conf").toString(), "check"), log);
        postfix = ServerProcess.start("postfix", List.of("/usr/lib/postfix/sbin/master", "-c",
                postfixDir.resolve("conf").toString(), "-s"), postfixDir.resolve("maillog"));
        for (int port : new int[] { MX, SUBMISSION, SUBMISSIONS, STRICT, SENDER_LOGIN }) {
            postfix.awaitPort(HOST, port, START);
        }
    }

    /** @return the file in {@link #dir()} that names this run's runtime folder under /tmp */
    private Path breadcrumb() {
        return dir.resolve("runtime-dir");
    }

    /** @return the servers' self-signed certificate (PEM), for {@code --trust-cert} */
    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    /** @return the folder with the configuration and logs */
    public Path dir() {
        return dir;
    }

    /** @return Postfix's log */
    public Path postfixLog() {
        return dir.resolve("postfix/maillog");
    }

    /** @return Dovecot's log */
    public Path dovecotLog() {
        return dir.resolve("dovecot/dovecot.log");
    }

    private void writeDovecot() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("dovecot"));
        Files.createDirectories(runtime.resolve("dovecot"));
        Path home = Files.createDirectories(runtime.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(runtime.resolve("users"), USER + ":{PLAIN}" + PASSWORD + "\n" + OTHER_USER + ":{PLAIN}"
                + OTHER_PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("dovecot.conf"), """
                # Relaybench test instance: loopback only, its own base_dir, users from a passwd-file
                base_dir = %1$s/dovecot
                instance_name = relaybench-%2$s
                state_dir = %1$s/dovecot/state
                protocols = imap pop3
                listen = 127.0.0.1
                log_path = %3$s/dovecot.log
                ssl = yes
                ssl_cert = <%4$s/cert.pem
                ssl_key = <%4$s/key.pem
                auth_mechanisms = plain login
                auth_failure_delay = 0
                disable_plaintext_auth = no
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=nobody gid=nogroup home=%1$s/home/%%u
                }
                mail_location = maildir:~/Maildir
                service imap-login {
                  inet_listener imap {
                    port = %5$d
                  }
                  inet_listener imaps {
                    port = %6$d
                    ssl = yes
                  }
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = %7$d
                  }
                  inet_listener pop3s {
                    port = 0
                  }
                }
                service auth {
                  unix_listener auth-postfix {
                    mode = 0666
                  }
                }
                """.formatted(runtime, Integer.toHexString(dir.toString().hashCode()), conf, dir, IMAP, IMAPS, POP3),
                StandardCharsets.UTF_8);
    }

    private void writePostfix(Path postfixDir) throws IOException {
        Path conf = Files.createDirectories(postfixDir.resolve("conf"));
        Files.createDirectories(runtime.resolve("postfix/queue"));
        Path data = Files.createDirectories(runtime.resolve("postfix/data"));
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(data, users.lookupPrincipalByName("postfix"));
        Files.writeString(runtime.resolve("postfix/sender-logins"), USER + " " + USER + "\n" + OTHER_USER + " " + OTHER_USER + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("main.cf"), """
                # Relaybench test instance. Nothing leaves: all transports discard, no relayhost.
                compatibility_level = 3.6
                queue_directory = %4$s/postfix/queue
                data_directory = %4$s/postfix/data
                mail_owner = postfix
                setgid_group = postdrop
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                myhostname = mx.%2$s
                mydomain = %2$s
                myorigin = %2$s
                mydestination = %2$s
                mynetworks =
                relayhost =
                default_transport = discard:relaybench tests never deliver
                local_transport = discard:relaybench tests never deliver
                relay_transport = discard:relaybench tests never deliver
                virtual_transport = discard:relaybench tests never deliver
                alias_maps =
                alias_database =
                local_recipient_maps =
                biff = no
                # every probe's queue file is dropped by RSET, so qmgr never hands back the flow-control
                # tokens a delivery would: without this, cleanup pauses 1 s per message after ~100
                in_flow_delay = 0s
                maillog_file = /dev/stdout
                smtpd_banner = $myhostname ESMTP relaybench test
                smtpd_tls_cert_file = %3$s/cert.pem
                smtpd_tls_key_file = %3$s/key.pem
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = %4$s/dovecot/auth-postfix
                smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
                """.formatted(postfixDir, DOMAIN, dir, runtime), StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("master.cf"), """
                # the probe tests' listeners, loopback only
                127.0.0.1:%2$d inet n - n - - smtpd
                  -o syslog_name=relaybench/mx
                  -o smtpd_sasl_auth_enable=no
                  -o smtpd_relay_restrictions=reject_unauth_destination
                127.0.0.1:%3$d inet n - n - - smtpd
                  -o syslog_name=relaybench/submission
                  -o smtpd_tls_security_level=may
                  -o smtpd_tls_auth_only=yes
                  -o smtpd_sasl_auth_enable=yes
                127.0.0.1:%4$d inet n - n - - smtpd
                  -o syslog_name=relaybench/submissions
                  -o smtpd_tls_wrappermode=yes
                  -o smtpd_sasl_auth_enable=yes
                127.0.0.1:%5$d inet n - n - - smtpd
                  -o syslog_name=relaybench/strict
                  -o smtpd_tls_security_level=encrypt
                  -o smtpd_tls_auth_only=yes
                  -o smtpd_sasl_auth_enable=yes
                127.0.0.1:%6$d inet n - n - - smtpd
                  -o syslog_name=relaybench/sender-login
                  -o smtpd_tls_security_level=may
                  -o smtpd_tls_auth_only=yes
                  -o smtpd_sasl_auth_enable=yes
                  -o smtpd_sender_login_maps=texthash:%7$s/postfix/sender-logins
                  -o smtpd_sender_restrictions=reject_sender_login_mismatch
                pickup    unix  n       -       n       60      1       pickup
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                tlsmgr    unix  -       -       n       1000?   1       tlsmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                flush     unix  n       -       n       1000?   0       flush
                proxymap  unix  -       -       n       -       -       proxymap
                proxywrite unix -       -       n       -       1       proxymap
                showq     unix  n       -       n       -       -       showq
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """.formatted(conf, MX, SUBMISSION, SUBMISSIONS, STRICT, SENDER_LOGIN, runtime), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (postfix != null) {
                postfix.close();
            }
            if (dovecot != null) {
                dovecot.close();
            }
        } finally {
            if (runtime != null) {
                try {
                    ShortDir.delete(runtime, breadcrumb());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the servers' runtime folder " + runtime, e);
                }
            }
        }
    }
}
