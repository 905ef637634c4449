--liquibase formatted sql

-- The schema of the Relaybench session store, as Liquibase changesets. Never edit a changeset that
-- has shipped: add a new one at the end. The SQL is plain enough to run unchanged on H2 2.x and
-- PostgreSQL 12 or newer; a changeset for one database only says so with dbms:.
--
-- rb_event is the truth: every change to a session, appended, numbered 1, 2, 3... per session; the
-- primary key (session_id, seq) means a change can never be written over. rb_session is a summary
-- for listing and searching, and rb_session_cause / rb_session_token are search indexes; the store
-- updates all of them in the same transaction as the event they come from. Each index row repeats
-- the session's opening time, so that "newest first" can be read straight off an index.
--
-- Every statement is idempotent (if not exists): H2 commits each DDL statement on its own, so a
-- process killed in the middle of a changeset leaves part of it applied and unrecorded; the next
-- process runs the changeset again and completes it. (PostgreSQL runs a changeset in one transaction.)

--changeset relaybench:1-sessions
create table if not exists rb_session (
    id varchar(36) not null,
    opened_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    agent varchar(200) not null,
    customer varchar(400) not null,
    customer_key varchar(400) not null,
    ticket varchar(200) not null,
    ticket_key varchar(200) not null,
    email varchar(320) not null,
    provider_id varchar(200) not null,
    top_cause varchar(200) not null,
    status varchar(20) not null,
    diagnoses integer not null,
    probes integer not null,
    last_seq bigint not null,
    constraint rb_session_pk primary key (id)
);
create index if not exists rb_session_opened on rb_session (opened_at desc, id desc);
create index if not exists rb_session_customer on rb_session (customer_key, opened_at desc, id desc);
create index if not exists rb_session_ticket on rb_session (ticket_key, opened_at desc, id desc);
create index if not exists rb_session_provider on rb_session (provider_id, opened_at desc, id desc);
create index if not exists rb_session_status on rb_session (status, opened_at desc, id desc);
--rollback drop table rb_session;

--changeset relaybench:2-events
create table if not exists rb_event (
    session_id varchar(36) not null,
    seq bigint not null,
    at timestamp with time zone not null,
    agent varchar(200) not null,
    kind varchar(20) not null,
    payload varchar(1000000) not null,
    constraint rb_event_pk primary key (session_id, seq),
    constraint rb_event_session foreign key (session_id) references rb_session (id)
);
--rollback drop table rb_event;

--changeset relaybench:3-search-indexes
create table if not exists rb_session_cause (
    session_id varchar(36) not null,
    cause varchar(200) not null,
    opened_at timestamp with time zone not null,
    constraint rb_session_cause_pk primary key (session_id, cause),
    constraint rb_session_cause_session foreign key (session_id) references rb_session (id)
);
create index if not exists rb_session_cause_by on rb_session_cause (cause, opened_at desc, session_id desc);
create table if not exists rb_session_token (
    session_id varchar(36) not null,
    token varchar(64) not null,
    opened_at timestamp with time zone not null,
    constraint rb_session_token_pk primary key (session_id, token),
    constraint rb_session_token_session foreign key (session_id) references rb_session (id)
);
create index if not exists rb_session_token_by on rb_session_token (token, opened_at desc, session_id desc);
--rollback drop table rb_session_token;
--rollback drop table rb_session_cause;

--changeset relaybench:4-pattern-indexes dbms:postgresql
-- LIKE 'prefix%' can use a btree index in PostgreSQL only with the pattern operator class (unless
-- the database's collation is C); H2 uses the plain indexes above for it.
create index if not exists rb_session_customer_like on rb_session (customer_key varchar_pattern_ops);
create index if not exists rb_session_token_like on rb_session_token (token varchar_pattern_ops);
--rollback drop index rb_session_token_like;
--rollback drop index rb_session_customer_like;

--changeset relaybench:5-index-rows-without-foreign-keys
-- The search index rows (rb_session_cause, rb_session_token) are derived from rb_event and written
-- only in the transaction that writes their session's summary row and events, so their foreign keys
-- never caught anything; but they made the database look up and lock the session row once per index
-- row, about 50 times per session, a quarter of PostgreSQL's work when a batch logs sessions in bulk.
-- rb_event keeps its foreign key: the trail is the truth.
alter table rb_session_token drop constraint if exists rb_session_token_session;
alter table rb_session_cause drop constraint if exists rb_session_cause_session;
--rollback alter table rb_session_cause add constraint rb_session_cause_session foreign key (session_id) references rb_session (id);
--rollback alter table rb_session_token add constraint rb_session_token_session foreign key (session_id) references rb_session (id);

--changeset relaybench:6-session-words dbms:postgresql
-- On PostgreSQL the free-text index is the session's words as one tsvector in its summary row, under
-- a GIN index, in place of one rb_session_token row per word in three btrees: bulk logging spent
-- about 80% of the server's time on those rows. The words are taken as they are (array_to_tsvector:
-- no parsing, no stemming), so a search finds what it found before; word:* in a tsquery is the prefix
-- search. Being in the summary row, a search's other criteria (provider, status, dates) are checked
-- on the same row, or combined with the words in one bitmap. The words already there move over, and
-- the old table goes. H2 keeps rb_session_token.
alter table rb_session add column if not exists words tsvector not null default '';
update rb_session s set words = w.words
    from (select session_id, array_to_tsvector(array_agg(token::text)) as words from rb_session_token group by session_id) w
    where w.session_id = s.id;
create index if not exists rb_session_words on rb_session using gin (words);
drop table if exists rb_session_token;
--rollback create table rb_session_token (session_id varchar(36) not null, token varchar(64) not null, opened_at timestamp with time zone not null, constraint rb_session_token_pk primary key (session_id, token));
--rollback create index rb_session_token_by on rb_session_token (token, opened_at desc, session_id desc);
--rollback create index rb_session_token_like on rb_session_token (token varchar_pattern_ops);
--rollback insert into rb_session_token (session_id, token, opened_at) select id, unnest(tsvector_to_array(words)), opened_at from rb_session;
--rollback alter table rb_session drop column words;
