import "server-only";
import type { Db } from "./types";

/**
 * One dialect for PGlite and Postgres. Append only: a migration that has shipped is never edited.
 */
export const migrations: { id: string; sql: string }[] = [
  {
    id: "0001_accounts",
    sql: `
      create table users (
        id text primary key,
        email text not null unique,
        name text not null default '',
        password_hash text not null,
        role text not null check (role in ('admin', 'member')),
        disabled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table sessions (
        id_hash text primary key,
        user_id text not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        user_agent text,
        ip text
      );
      create index sessions_user on sessions(user_id);
      create table tokens (
        id text primary key,
        user_id text not null references users(id) on delete cascade,
        name text not null,
        display_prefix text not null,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index tokens_user on tokens(user_id);
      create table sign_in_throttle (
        key text primary key,
        failures integer not null default 0,
        window_started_at timestamptz not null default now(),
        locked_until timestamptz
      );
      create table settings (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    id: "0002_ledger",
    sql: `
      create table ledger (
        id bigserial primary key,
        at timestamptz not null,
        user_id text,
        token_id text,
        method text not null,
        path text not null,
        model text,
        status integer not null,
        duration_ms integer not null,
        ttfb_ms integer,
        upstream_request_id text,
        stream boolean not null default false,
        aborted boolean not null default false,
        error_type text,
        error_code text,
        input_tokens integer,
        cached_tokens integer,
        output_tokens integer,
        reasoning_tokens integer,
        request_bytes bigint,
        response_bytes bigint
      );
      create index ledger_at on ledger(at);
      create index ledger_user_at on ledger(user_id, at);
    `,
  },
  {
    id: "0003_playground",
    sql: `
      create table presets (
        id text primary key,
        user_id text not null references users(id) on delete cascade,
        name text not null,
        kind text not null check (kind in ('playground', 'tokenizer')),
        state jsonb not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index presets_user_kind_name on presets(user_id, kind, lower(name));
      create table shares (
        id text primary key,
        owner_id text not null references users(id) on delete cascade,
        kind text not null check (kind in ('playground', 'tokenizer')),
        title text not null,
        snapshot jsonb not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        public boolean not null default false,
        views integer not null default 0
      );
      create index shares_owner on shares(owner_id, created_at);
    `,
  },
  {
    id: "0004_ledger_file_id",
    sql: `
      alter table ledger add column file_id text;
      create index ledger_file_id on ledger(file_id) where file_id is not null;
    `,
  },
  {
    // Per address, per address+account and (mildly) per account, with growing delays instead of a
    // lock by email; every row expires (docs/security-sign-in.md). The old rows are only counters.
    id: "0005_sign_in_throttle",
    sql: `
      drop table sign_in_throttle;
      create table sign_in_throttle (
        scope text not null check (scope in ('address', 'pair', 'account', 'known')),
        address text not null default '',
        email text not null default '',
        failures integer not null default 0,
        blocked_until timestamptz,
        expires_at timestamptz not null,
        primary key (scope, address, email)
      );
      create index sign_in_throttle_expires on sign_in_throttle(expires_at);
      create index sign_in_throttle_email on sign_in_throttle(email);
    `,
  },
  {
    // Disabling now revokes a user's tokens and share links. Users disabled before that still hold
    // live ones, which re-enabling them would bring back: revoke them too.
    id: "0006_admin_cleanup",
    sql: `
      update tokens set revoked_at = now()
       where revoked_at is null and user_id in (select id from users where disabled_at is not null);
      update shares set revoked_at = now()
       where revoked_at is null and owner_id in (select id from users where disabled_at is not null);
    `,
  },
  {
    // Who created each file and vector store through Benchtop (docs/ownership.md). Files the ledger
    // already tied to a user get that user; objects made before or elsewhere have no row.
    id: "0007_owners",
    sql: `
      create table owners (
        kind text not null check (kind in ('file', 'vector_store')),
        object_id text not null,
        user_id text not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (kind, object_id)
      );
      insert into owners (kind, object_id, user_id, created_at)
        select distinct on (l.file_id) 'file', l.file_id, l.user_id, l.at
          from ledger l join users u on u.id = l.user_id
         where l.file_id is not null
         order by l.file_id, l.at;
    `,
  },
  {
    // Playground history (docs/history.md): one row per finished run, private to its user. The
    // columns the list shows and filters on are kept apart from the JSON, so listing reads no JSON;
    // `search_text` is the lower-cased input, output and model that search matches against.
    id: "0008_run_history",
    sql: `
      create table runs (
        id text primary key,
        user_id text not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        target text not null,
        api text not null,
        model text not null,
        status text not null check (status in ('done', 'stopped', 'error')),
        http_status integer,
        total_ms integer,
        ttft_ms integer,
        input_tokens integer,
        output_tokens integer,
        cost double precision,
        input_preview text not null,
        output_preview text not null,
        search_text text not null,
        bytes integer not null,
        setup jsonb not null,
        request jsonb not null,
        output jsonb not null
      );
      create index runs_user_created on runs(user_id, created_at desc, id desc);
      create index runs_created on runs(created_at);
    `,
  },
  {
    // The latest x-ratelimit-* values the upstream sent, per model and kind (requests, tokens,
    // images, tokens_usage_based…), written off the request path (lib/server/rate-limits.ts). Also
    // the ledger's image count: image answers record how many images they carried.
    id: "0009_rate_limits",
    sql: `
      create table rate_limits (
        model text not null,
        kind text not null,
        limit_value bigint,
        remaining bigint,
        reset_ms bigint,
        reset text,
        observed_at timestamptz not null,
        primary key (model, kind)
      );
      alter table ledger add column images integer;
    `,
  },
  {
    // The image library (docs/images-library.md): every image the studio works with, its bytes and
    // a small preview kept in the row, so it works the same on PGlite and PostgreSQL and across
    // instances. Lineage is its own table with no foreign key on the parent, so deleting a parent
    // leaves its children's links dangling-safe (they read as "deleted") instead of cascading.
    id: "0010_images",
    sql: `
      create table images (
        id text primary key,
        owner_id text not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        role text not null check (role in ('input', 'result', 'mask')),
        operation text not null,
        visibility text not null check (visibility in ('private', 'team')),
        width integer not null,
        height integer not null,
        format text not null check (format in ('png', 'jpeg', 'webp', 'gif')),
        bytes integer not null,
        prompt text,
        revised_prompt text,
        model text,
        params jsonb not null,
        mask_id text,
        usage jsonb,
        cost_usd double precision,
        name text,
        search_text text not null,
        content bytea not null,
        thumbnail bytea not null,
        thumbnail_format text not null
      );
      create index images_owner_created on images(owner_id, created_at desc, id desc);
      create index images_visibility_created on images(visibility, created_at desc, id desc);
      create index images_created on images(created_at);
      create table image_links (
        child_id text not null references images(id) on delete cascade,
        parent_id text not null,
        kind text not null check (kind in ('parent', 'mask')),
        position integer not null,
        primary key (child_id, kind, position)
      );
      create index image_links_parent on image_links(parent_id);
      alter table shares drop constraint shares_kind_check;
      alter table shares add constraint shares_kind_check check (kind in ('playground', 'tokenizer', 'image'));
    `,
  },
  {
    // Assistants (docs/assistants.md): a head row per assistant and one immutable row per version.
    // MCP header values are secrets kept apart from versions (never exported or returned). The API
    // cannot list conversations, so the test chat's and the SDK's conversations with an assistant
    // are indexed here; their turns are the ledger rows that carry the conversation id.
    id: "0011_assistants",
    sql: `
      create table assistants (
        id text primary key,
        owner_id text not null references users(id) on delete cascade,
        name text not null,
        description text not null,
        model text not null,
        visibility text not null check (visibility in ('team', 'private')),
        latest_version integer not null,
        production_version integer,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        last_used_at timestamptz,
        deleted_at timestamptz,
        search_text text not null
      );
      create index assistants_updated on assistants(updated_at desc, id desc);
      create table assistant_versions (
        assistant_id text not null references assistants(id) on delete cascade,
        version integer not null,
        created_at timestamptz not null default now(),
        author_id text references users(id) on delete set null,
        note text not null,
        based_on integer,
        config jsonb not null,
        primary key (assistant_id, version)
      );
      create table assistant_secrets (
        assistant_id text not null references assistants(id) on delete cascade,
        server_label text not null,
        header_name text not null,
        value text not null,
        primary key (assistant_id, server_label, header_name)
      );
      create table assistant_conversations (
        id text primary key,
        assistant_id text not null references assistants(id) on delete cascade,
        user_id text not null references users(id) on delete cascade,
        title text not null,
        created_at timestamptz not null default now(),
        last_used_at timestamptz not null default now(),
        version integer,
        turns integer not null default 0
      );
      create index assistant_conversations_owner on assistant_conversations(assistant_id, user_id, last_used_at desc);
      alter table ledger add column assistant_id text;
      alter table ledger add column assistant_version integer;
      alter table ledger add column conversation_id text;
      create index ledger_conversation on ledger(conversation_id, at) where conversation_id is not null;
      alter table shares drop constraint shares_kind_check;
      alter table shares add constraint shares_kind_check check (kind in ('playground', 'tokenizer', 'image', 'assistant'));
    `,
  },
  {
    // Fine-tuning jobs created through Benchtop get an owner too (docs/ownership.md): members cancel,
    // pause and resume only their own jobs under the team's rule.
    id: "0012_fine_tuning_owners",
    sql: `
      alter table owners drop constraint owners_kind_check;
      alter table owners add constraint owners_kind_check check (kind in ('file', 'vector_store', 'fine_tuning_job'));
    `,
  },
  {
    // Budgets and limits enforced in the proxy (docs/budgets.md). Counters are per user or token
    // ("scope") and fixed UTC window; a reservation holds its worst case on every applicable counter
    // until it is settled, released or reaped. budget_reserve checks and holds all or none in one
    // statement, locking the counter rows in a fixed order, so instances sharing one PostgreSQL
    // never both admit the last dollar.
    id: "0013_budgets",
    sql: `
      create table budget_limits (
        kind text not null check (kind in ('team', 'user', 'token')),
        subject_id text not null default '',
        rpm integer,
        tpm integer,
        usd_per_day_micros bigint,
        usd_per_month_micros bigint,
        models jsonb,
        expires_at timestamptz,
        soft_percent integer,
        updated_at timestamptz not null default now(),
        updated_by text,
        primary key (kind, subject_id)
      );
      create table budget_counters (
        scope text not null,
        metric text not null check (metric in ('rpm', 'tpm', 'day', 'month')),
        window_start timestamptz not null,
        used bigint not null default 0,
        reserved bigint not null default 0,
        primary key (scope, metric, window_start)
      );
      create table budget_reservations (
        id text primary key,
        scopes text[] not null,
        metrics text[] not null,
        starts timestamptz[] not null,
        amounts bigint[] not null,
        created_at timestamptz not null default now()
      );
      create index budget_reservations_age on budget_reservations(created_at);
      create table budget_notices (
        id text primary key,
        user_id text not null references users(id) on delete cascade,
        kind text not null check (kind in ('soft_threshold', 'limit_hit')),
        code text,
        message text not null,
        href text,
        dedupe text not null unique,
        created_at timestamptz not null default now(),
        dismissed_at timestamptz
      );
      create index budget_notices_user on budget_notices(user_id, created_at desc);

      -- Locks a call's counter rows in one fixed order (so no two calls deadlock), creating the
      -- missing ones first.
      create function budget_lock(p_scope text[], p_metric text[], p_start timestamptz[]) returns void
      language plpgsql as $fn$
      declare
        n int;
      begin
        perform 1 from budget_counters c
          join unnest(p_scope, p_metric, p_start) as h(scope, metric, start)
            on c.scope = h.scope and c.metric = h.metric and c.window_start = h.start
          order by c.scope, c.metric, c.window_start
          for update of c;
        get diagnostics n = row_count;
        if n < cardinality(p_scope) then
          insert into budget_counters (scope, metric, window_start)
            select * from unnest(p_scope, p_metric, p_start) order by 1, 2, 3
            on conflict do nothing;
          perform 1 from budget_counters c
            join unnest(p_scope, p_metric, p_start) as h(scope, metric, start)
              on c.scope = h.scope and c.metric = h.metric and c.window_start = h.start
            order by c.scope, c.metric, c.window_start
            for update of c;
        end if;
      end
      $fn$;

      -- Holds on every counter or on none. Returns null when every hold was taken, else the first
      -- (in lock order) that would pass its limit: its index (p_i) and that counter's numbers.
      create function budget_reserve(p_id text, p_i int[], p_scope text[], p_metric text[],
        p_start timestamptz[], p_lim bigint[], p_amount bigint[]) returns jsonb language plpgsql as $fn$
      declare
        bad record;
      begin
        perform budget_lock(p_scope, p_metric, p_start);
        select h.i, c.used, c.reserved into bad
          from budget_counters c
          join unnest(p_i, p_scope, p_metric, p_start, p_lim, p_amount) as h(i, scope, metric, start, lim, amount)
            on c.scope = h.scope and c.metric = h.metric and c.window_start = h.start
          where c.used + c.reserved + greatest(h.amount, 1) > h.lim
          order by c.scope, c.metric, c.window_start
          limit 1;
        if found then
          return jsonb_build_object('i', bad.i, 'used', bad.used, 'reserved', bad.reserved);
        end if;
        -- 'rpm' counts the request at once; the others hold until the call is settled.
        update budget_counters c set
            used = c.used + case when h.metric = 'rpm' then h.amount else 0 end,
            reserved = c.reserved + case when h.metric = 'rpm' then 0 else h.amount end
          from unnest(p_scope, p_metric, p_start, p_amount) as h(scope, metric, start, amount)
          where c.scope = h.scope and c.metric = h.metric and c.window_start = h.start;
        insert into budget_reservations (id, scopes, metrics, starts, amounts)
          values (p_id, p_scope, p_metric, p_start, p_amount);
        return null;
      end
      $fn$;

      -- The hold becomes the real use: tokens on 'tpm', micro-dollars on 'day' and 'month'. A hold
      -- the reaper already let go adds its use only. Returns each counter's use after (soft notices).
      create function budget_settle(p_id text, p_i int[], p_scope text[], p_metric text[],
        p_start timestamptz[], p_amount bigint[], p_tokens bigint, p_micros bigint)
      returns jsonb language plpgsql as $fn$
      declare
        held boolean;
        v_out jsonb;
      begin
        delete from budget_reservations where id = p_id;
        held := found;
        perform budget_lock(p_scope, p_metric, p_start);
        with u as (
          update budget_counters c set
              reserved = case when held then greatest(c.reserved - h.amount, 0) else c.reserved end,
              used = c.used + case when h.metric = 'tpm' then p_tokens else p_micros end
            from unnest(p_i, p_scope, p_metric, p_start, p_amount) as h(i, scope, metric, start, amount)
            where h.metric <> 'rpm' and c.scope = h.scope and c.metric = h.metric and c.window_start = h.start
            returning h.i, c.used, case when h.metric = 'tpm' then p_tokens else p_micros end as added
        )
        select coalesce(jsonb_agg(jsonb_build_object('i', i, 'used', used, 'added', added)), '[]'::jsonb)
          into v_out from u;
        return v_out;
      end
      $fn$;

      -- Holds older than any call may run belong to a process that died: let them go.
      create function budget_reap(p_age_seconds int) returns int language plpgsql as $fn$
      declare
        h record;
        n int;
        v_scope text[];
        v_metric text[];
        v_start timestamptz[];
        v_amount bigint[];
      begin
        with gone as (
          delete from budget_reservations
            where created_at < now() - make_interval(secs => p_age_seconds)
            returning scopes, metrics, starts, amounts
        ), flat as (
          select u.* from gone, unnest(gone.scopes, gone.metrics, gone.starts, gone.amounts)
            as u(scope, metric, start, amount)
        )
        select (select count(*) from gone), array_agg(scope), array_agg(metric), array_agg(start), array_agg(amount)
          into n, v_scope, v_metric, v_start, v_amount from flat;
        for h in
          select x.scope, x.metric, x.start, sum(x.amount) as amount
          from unnest(v_scope, v_metric, v_start, v_amount) as x(scope, metric, start, amount)
          where x.metric <> 'rpm'
          group by 1, 2, 3
          order by 1, 2, 3
        loop
          update budget_counters set reserved = greatest(reserved - h.amount, 0)
            where scope = h.scope and metric = h.metric and window_start = h.start;
        end loop;
        delete from budget_counters where
          (metric in ('rpm', 'tpm') and window_start < now() - interval '1 day')
          or (metric = 'day' and window_start < now() - interval '40 days')
          or (metric = 'month' and window_start < now() - interval '400 days');
        return n;
      end
      $fn$;
    `,
  },
];

// Any constant: serialises migrations across instances booting together against one Postgres.
const MIGRATION_LOCK = 7_413_225;

export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(
      "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
    );
    const done = new Set(
      (await tx.query<{ id: string }>("select id from schema_migrations")).map((r) => r.id),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query("insert into schema_migrations (id) values ($1)", [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
