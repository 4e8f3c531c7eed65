import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  boolean,
  customType,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** Binary data (a picture), as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

// Millisecond precision, like JavaScript's Date: a time read, sent in a cursor and compared again stays exact.
const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const createdAt = () => time('created_at').notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    party: text('party').notNull(),
    municipality: text('municipality').notNull(),
    representativeRole: text('representative_role'),
    representativeVerified: boolean('representative_verified').notNull().default(false),
    role: text('role').notNull().default('member'),
    status: text('status').notNull().default('pending'),
    statusReason: text('status_reason'),
    suspendedUntil: time('suspended_until'),
    approvedAt: time('approved_at'),
    approvedBy: integer('approved_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    /** Set when the owner followed the confirmation link; only then does a registration reach the moderators' queue. */
    emailConfirmedAt: time('email_confirmed_at'),
    /** Last request or live message, at most once a minute: a member seen in the last minutes gets no mail for what she saw live. */
    lastSeenAt: time('last_seen_at'),
    /** Follow threads she starts or replies to (the default), unless she chose otherwise. */
    autoWatch: boolean('auto_watch').notNull().default(true),
    /** Per mail kind (shared/constants.ts MAIL_KINDS) her frequency; a kind not in it has its default. */
    mailPreferences: jsonb('mail_preferences').notNull().default({}),
    /** Set while she logs in with a second step (auth/totp.ts); the secret itself is in totp_credentials. */
    totpEnabledAt: time('totp_enabled_at'),
    /** When her last daily digest was made (null: never); notifications/digest.ts claims members by moving it. */
    lastDigestAt: time('last_digest_at'),
    /** The same for the weekly kinds, which keep their own clock beside the daily ones. */
    lastWeeklyDigestAt: time('last_weekly_digest_at'),
    /**
     * Whether other members see her party and municipality (her page, her posts, the directory). On by default: it is
     * what makes the forum useful; her choice in her account. Her e-mail address is never shown to members.
     */
    showAffiliation: boolean('show_affiliation').notNull().default(true),
    /** When she last uploaded a picture (members/avatar*.ts); null: her initials are shown. Also the picture's cache key. */
    avatarUpdatedAt: time('avatar_updated_at'),
    /** A member of the kenniscentrum's team (kept by admins): trainings, the Wegwijzer, the helpdesk (centre/team.ts). */
    centreTeam: boolean('centre_team').notNull().default(false),
    createdAt: createdAt(),
    /** display_name_key(display_name), kept by the database: the @-autocomplete's "contains" match reads it (members/suggest.ts). */
    nameKey: text('name_key')
      .notNull()
      .generatedAlwaysAs(sql`display_name_key(display_name)`),
  },
  (t) => [
    // E-mail addresses are compared case-insensitively; the application stores them lower-cased.
    uniqueIndex('users_email_key').on(t.email),
    // One name per member, ignoring case, accents and invisible characters: "Anna", "ANNA" and "Änna\u200b" are one
    // name. display_name_key() is an IMMUTABLE SQL function made in migration 0007; the index, not a check before
    // the insert, is what keeps two concurrent registrations from both getting a name.
    uniqueIndex('users_display_name_key').on(sql`display_name_key(${t.displayName})`),
    index('users_status_id_idx').on(t.status, t.id),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_role_check', sql`${t.role} in ('member', 'moderator', 'admin')`),
    // 'deleted': the one "Oud-lid" account that keeps the posts of members who deleted theirs (privacy/account-deletion.ts).
    check('users_status_check', sql`${t.status} in ('pending', 'active', 'suspended', 'rejected', 'deleted')`),
    check(
      'users_representative_role_check',
      sql`${t.representativeRole} is null or ${t.representativeRole} in ('raadslid', 'wethouder', 'burgemeester', 'statenlid', 'commissielid', 'bestuurslid', 'lid')`,
    ),
  ],
);

/** A member's uploaded picture, re-encoded by the server (square, small, no metadata); served from the site itself. */
export const avatars = pgTable('avatars', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  image: bytea('image').notNull(),
  contentType: text('content_type').notNull(),
  updatedAt: time('updated_at').notNull().defaultNow(),
});

/**
 * A member's authenticator secret (RFC 6238), apart from the users row so that it never travels with the session's
 * user. `last_step` is the time step of the last code accepted: a code is accepted once (no replay).
 */
export const totpCredentials = pgTable('totp_credentials', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** One-time recovery codes for the second step, stored as SHA-256 hashes (80 random bits each: no pepper needed). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: time('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_key').on(t.userId, t.codeHash)],
);

/** Lucia-style sessions: the primary key is the SHA-256 of the id in the cookie, never the id itself. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').notNull(),
    expiresAt: time('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    position: integer('position').notNull().default(0),
    threadCount: integer('thread_count').notNull().default(0),
    /** shared/constants.ts CATEGORY_COLORS; CATEGORY_ICONS (null: none). */
    color: text('color').notNull().default('blauw'),
    icon: text('icon'),
    /** Who may enter it (CATEGORY_ACCESS); the rule is in forum/visibility.ts. */
    access: text('access').notNull().default('members'),
    /** Archived: read-only, for everyone; its threads stay readable and findable. */
    archivedAt: time('archived_at'),
    /** Its threads are questions: a best answer can be marked, and lists offer the solved / unsolved filter. */
    expectsAnswers: boolean('expects_answers').notNull().default(true),
  },
  (t) => [
    uniqueIndex('categories_slug_key').on(t.slug),
    check('categories_thread_count_check', sql`${t.threadCount} >= 0`),
    check('categories_access_check', sql`${t.access} in ('members', 'representatives', 'moderators')`),
  ],
);

export const threads = pgTable(
  'threads',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    locked: boolean('locked').notNull().default(false),
    /** Posts a member can see (not hidden, not deleted). */
    postCount: integer('post_count').notNull().default(0),
    createdAt: createdAt(),
    lastPostAt: time('last_post_at').notNull().defaultNow(),
    /** Set when a moderator hides the whole thread (forum/thread-hiding.ts): it is then out of members' reach. */
    hiddenAt: time('hidden_at'),
    deletedAt: time('deleted_at'),
    /**
     * The reply marked as the best answer (forum/solutions.ts), by its starter or a moderator. The thread counts as
     * solved only while members can read that post (a hidden answer solves nothing until it is shown again).
     */
    solutionPostId: integer('solution_post_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    solutionMarkedBy: integer('solution_marked_by').references(() => users.id, { onDelete: 'set null' }),
    solutionMarkedAt: time('solution_marked_at'),
    /** Reactions on the posts members can see (not hidden, not deleted): the "meest gewaardeerd" order. */
    reactionCount: integer('reaction_count').notNull().default(0),
  },
  (t) => [
    // The category page: pinned first, then by last activity, keyset-paginated on (pinned, last_post_at, id).
    index('threads_category_listing_idx').on(t.categoryId, t.pinned.desc(), t.lastPostAt.desc(), t.id.desc()),
    // A category's last activity is read from here (categories.ts) rather than kept on the category row, which
    // every reply would otherwise lock until it commits: replies in one category would queue behind each other.
    index('threads_category_activity_idx')
      .on(t.categoryId, t.lastPostAt.desc())
      .where(sql`${t.hiddenAt} is null and ${t.deletedAt} is null`),
    index('threads_author_id_idx').on(t.authorId),
    check('threads_post_count_check', sql`${t.postCount} >= 0`),
    check('threads_reaction_count_check', sql`${t.reactionCount} >= 0`),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: serial('id').primaryKey(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    replyToPostId: integer('reply_to_post_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: createdAt(),
    editedAt: time('edited_at'),
    hiddenAt: time('hidden_at'),
    hiddenReason: text('hidden_reason'),
    deletedAt: time('deleted_at'),
    deletedBy: integer('deleted_by').references(() => users.id, { onDelete: 'set null' }),
    /** Active members named with @ in the text, resolved when it was written (content/mentions.ts). */
    mentionedUserIds: integer('mentioned_user_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Posts quoted in the text (a quote that links to the post). */
    quotedPostIds: integer('quoted_post_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** How many members reacted with each kind (post_reactions), kept by forum/reactions.ts. */
    thanksCount: integer('thanks_count').notNull().default(0),
    usefulCount: integer('useful_count').notNull().default(0),
  },
  (t) => [
    index('posts_thread_id_id_idx').on(t.threadId, t.id),
    index('posts_author_id_created_at_idx').on(t.authorId, t.createdAt),
    index('posts_reply_to_post_id_idx').on(t.replyToPostId),
    check('posts_reaction_counts_check', sql`${t.thanksCount} >= 0 and ${t.usefulCount} >= 0`),
  ],
);

/** A member's reaction to a post ("Bedankt", "Nuttig": shared/constants.ts REACTION_KINDS), once per kind. */
export const postReactions = pgTable(
  'post_reactions',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId, t.kind] }),
    index('post_reactions_user_id_idx').on(t.userId),
    check('post_reactions_kind_check', sql`${t.kind} in ('thanks', 'useful')`),
  ],
);

/** A post a member saved for later ("Bewaard"), with her own note and, if she asked, a reminder. */
export const bookmarks = pgTable(
  'bookmarks',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    /** When to remind her (a notification); reminded_at is set when it was delivered. */
    remindAt: time('remind_at'),
    remindedAt: time('reminded_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bookmarks_user_post_key').on(t.userId, t.postId),
    index('bookmarks_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The reminder round reads only what is still to be delivered.
    index('bookmarks_due_idx').on(t.remindAt).where(sql`${t.remindAt} is not null and ${t.remindedAt} is null`),
    index('bookmarks_post_id_idx').on(t.postId),
  ],
);

/**
 * What a member is writing and has not posted: one draft per member and thread (a reply), and one for a new thread
 * (thread_id null), saved as she types so it survives a reload and follows her to another device.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    /** A new thread's draft: the category and title chosen so far. */
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'set null' }),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    replyToPostId: integer('reply_to_post_id').references(() => posts.id, { onDelete: 'set null' }),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('drafts_user_thread_key').on(t.userId, sql`coalesce(${t.threadId}, 0)`)],
);

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: serial('id').primaryKey(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    editedBy: integer('edited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('post_revisions_post_id_idx').on(t.postId, t.id)],
);

/** What each member last read per thread, for unread markers. */
export const threadReads = pgTable(
  'thread_reads',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    lastReadPostId: integer('last_read_post_id').notNull(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('thread_reads_user_thread_key').on(t.userId, t.threadId)],
);

export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    note: text('note'),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    resolutionNote: text('resolution_note'),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: time('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reports_post_reporter_key').on(t.postId, t.reporterId),
    index('reports_status_id_idx').on(t.status, t.id),
    check('reports_reason_check', sql`${t.reason} in ('spam', 'offensive', 'off_topic', 'privacy', 'other')`),
    check('reports_status_check', sql`${t.status} in ('open', 'resolved', 'dismissed')`),
  ],
);

/**
 * The moderation log. Append-only: a trigger in the migrations refuses DELETE and every UPDATE but one: when an
 * account is deleted, ON DELETE SET NULL empties the log's references to it, and the trigger then sets the
 * matching *_deleted flag (migration 0007). So a member's account can be erased while the log keeps every row.
 */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: serial('id').primaryKey(),
    /** Null when the system acted (automatic hiding after reports), or when the moderator's account was deleted (moderatorDeleted). */
    moderatorId: integer('moderator_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set by the trigger only, when moderator_id went to NULL because that account was deleted. */
    moderatorDeleted: boolean('moderator_deleted').notNull().default(false),
    action: text('action').notNull(),
    targetUserId: integer('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set by the trigger only, when target_user_id went to NULL because that account was deleted. */
    targetUserDeleted: boolean('target_user_deleted').notNull().default(false),
    targetPostId: integer('target_post_id').references(() => posts.id),
    targetThreadId: integer('target_thread_id').references(() => threads.id),
    reason: text('reason'),
    details: jsonb('details'),
    createdAt: createdAt(),
  },
  (t) => [
    index('moderation_actions_moderator_idx').on(t.moderatorId, t.id),
    index('moderation_actions_target_user_idx').on(t.targetUserId, t.id),
    index('moderation_actions_action_idx').on(t.action, t.id),
    check('moderation_actions_moderator_deleted_check', sql`not ${t.moderatorDeleted} or ${t.moderatorId} is null`),
    check('moderation_actions_target_user_deleted_check', sql`not ${t.targetUserDeleted} or ${t.targetUserId} is null`),
  ],
);

/**
 * Who is handling a piece of waiting work, so two moderators do not handle it at once: a reported post (kind
 * 'report', target = post id) or a registration (kind 'registration', target = user id). A claim counts for
 * CLAIM_MINUTES (moderation/claims.ts); the decision on the item removes it.
 */
export const moderationClaims = pgTable(
  'moderation_claims',
  {
    kind: text('kind').notNull(),
    targetId: integer('target_id').notNull(),
    moderatorId: integer('moderator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    claimedAt: time('claimed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.targetId] }), check('moderation_claims_kind_check', sql`${t.kind} in ('report', 'registration')`)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The text of moderation and account notifications; forum kinds leave it empty and get theirs when read. */
    message: text('message').notNull().default(''),
    data: jsonb('data'),
    /** Forum kinds: the thread, and the post the notification links to (for a group: the first unread one). */
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    /** Kind 'message': the private conversation (server/conversations/); gone with it. */
    conversationId: integer('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    /** Kinds 'helpdesk_answer' and 'helpdesk_question': the helpdesk question (server/helpdesk/); gone with it. */
    helpdeskQuestionId: integer('helpdesk_question_id').references(() => helpdeskQuestions.id, { onDelete: 'cascade' }),
    /** Who caused it (the latest, for a group). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** How many events a grouped notification stands for ("3 nieuwe reacties"). */
    count: integer('count').notNull().default(1),
    readAt: time('read_at'),
    createdAt: createdAt(),
    /** The last event of a group; lists sort on it. */
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_id_idx').on(t.userId, t.id),
    // Her list: most recently active first (a group moves up when it grows).
    index('notifications_user_activity_idx').on(t.userId, t.updatedAt.desc(), t.id.desc()),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    // One open group per member, kind and thread (moderator kinds have no thread): the worker adds to it.
    uniqueIndex('notifications_open_group_key')
      .on(t.userId, t.kind, sql`coalesce(${t.threadId}, 0)`)
      .where(sql`${t.readAt} is null and ${t.kind} in ('thread_activity', 'thanked', 'registration_waiting', 'report_open')`),
    // Once per post and kind, read or not: an edit that mentions her again does not notify her twice.
    uniqueIndex('notifications_once_per_post_key')
      .on(t.userId, t.kind, t.postId)
      .where(sql`${t.kind} in ('mention', 'quote', 'reply_to_post', 'new_thread', 'answer_marked')`),
    index('notifications_post_id_idx').on(t.postId),
    index('notifications_thread_id_idx').on(t.threadId),
    // One unread 'message' notification per member and conversation: new messages add to its count.
    uniqueIndex('notifications_open_message_key').on(t.userId, t.conversationId).where(sql`${t.readAt} is null and ${t.kind} = 'message'`),
    index('notifications_conversation_id_idx').on(t.conversationId),
    // One unread helpdesk notification per member, kind and question: new messages add to its count.
    uniqueIndex('notifications_open_helpdesk_key')
      .on(t.userId, t.kind, t.helpdeskQuestionId)
      .where(sql`${t.readAt} is null and ${t.kind} in ('helpdesk_answer', 'helpdesk_question')`),
    index('notifications_helpdesk_question_id_idx').on(t.helpdeskQuestionId),
  ],
);

/** Per member and thread, when she chose (or was made to follow by writing in it); no row: Normaal. */
export const threadWatches = pgTable(
  'thread_watches',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('thread_watches_user_thread_key').on(t.userId, t.threadId),
    index('thread_watches_thread_level_idx').on(t.threadId, t.level),
    check('thread_watches_level_check', sql`${t.level} in ('watching', 'normal', 'ignoring')`),
  ],
);

/** Categories a member follows (new threads); no row: Normaal. */
export const categoryWatches = pgTable(
  'category_watches',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('category_watches_user_category_key').on(t.userId, t.categoryId),
    index('category_watches_category_idx').on(t.categoryId, t.level),
    check('category_watches_level_check', sql`${t.level} in ('watching', 'normal')`),
  ],
);

/**
 * The notification work of forum changes, written by publish() in the change's transaction and expanded into
 * notifications by server/notifications/worker.ts (claimed with a lease, deleted when done).
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The ForumChange (ids only) or a moderator signal, as JSON. */
    change: jsonb('change').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('notification_outbox_next_attempt_idx').on(t.nextAttemptAt, t.id)],
);

/**
 * Single-use links sent by mail: a password reset (one hour) or an address confirmation (two days). Only the
 * SHA-256 of the token is stored, so a leaked table opens nothing.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('account_tokens_user_idx').on(t.userId, t.purpose),
    index('account_tokens_expires_idx').on(t.expiresAt),
    check('account_tokens_purpose_check', sql`${t.purpose} in ('password_reset', 'email_confirm')`),
  ],
);

/**
 * Mail waiting to be sent (server/mail/): written in the transaction of what caused it, sent by the mail worker
 * with retry and backoff, claimed with a lease so two processes never send one row twice, deleted once sent. The
 * text is made at send time from `kind` and `data`, so a mail never shows what its receiver may no longer see.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    data: jsonb('data').notNull().default({}),
    /** Notification mail: the thread it is about (one pending mail per member and thread). */
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this moment: the first try, a batching delay or the next retry. */
    nextAttemptAt: time('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_next_attempt_idx').on(t.nextAttemptAt, t.id),
    uniqueIndex('mail_outbox_pending_thread_key').on(t.userId, t.threadId).where(sql`${t.kind} = 'notifications'`),
  ],
);

/** When a member was last mailed about a thread: at most one notification mail per thread per 15 minutes. */
export const mailThreadLog = pgTable(
  'mail_thread_log',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    lastSentAt: time('last_sent_at').notNull(),
  },
  (t) => [uniqueIndex('mail_thread_log_user_thread_key').on(t.userId, t.threadId)],
);

/**
 * Changes the search index must learn about, written in the same transaction as the change itself
 * and deleted only after the index accepted them (see server/search/outbox.ts).
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'post' (index or remove one post by its current state) or 'thread' (every post of a thread). */
    kind: text('kind').notNull(),
    targetId: bigint('target_id', { mode: 'number' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('search_outbox_next_attempt_idx').on(t.nextAttemptAt, t.id), check('search_outbox_kind_check', sql`${t.kind} in ('post', 'thread')`)],
);

/**
 * Synonyms for search, kept by admins (/beheer/synoniemen): each row is a group of expressions that mean the same
 * ("alv", "algemene ledenvergadering"). Both engines use it: PostgreSQL expands the query, Meilisearch gets it as
 * its synonyms setting. Stored lower-case as the admin wrote them; analysed when used.
 */
export const searchSynonyms = pgTable('search_synonyms', {
  id: serial('id').primaryKey(),
  terms: text('terms').array().notNull(),
  createdAt: createdAt(),
  updatedAt: time('updated_at').notNull().defaultNow(),
});

/** Small facts about the search index: which version of the Dutch analysis built it (a new one reindexes at start). */
export const searchState = pgTable('search_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * "Mijn gegevens downloaden": a member's request for everything Plein holds about her (server/privacy/export*.ts).
 * Built in the background by the export worker, downloadable by her only until `expires_at`, then deleted by the
 * retention round. `content` is the JSON itself: small (text only, no pictures' bytes) and gone within days.
 */
export const dataExports = pgTable(
  'data_exports',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('pending'),
    content: text('content'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at').notNull().defaultNow(),
    readyAt: time('ready_at'),
    expiresAt: time('expires_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.id),
    // The worker reads only what is still to be built.
    index('data_exports_pending_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
    check('data_exports_status_check', sql`${t.status} in ('pending', 'ready', 'failed')`),
  ],
);

/**
 * A training, kennisuitwisseling or webinar run by the kenniscentrum (server/trainings/). Its discussion is an ordinary
 * forum thread in its category (`thread_id`); the meeting link is shown only to participants, from
 * `link_visible_minutes` before the start.
 */
export const centreEvents = pgTable(
  'centre_events',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    /** Markdown as staff wrote it, and the sanitized HTML members read. */
    description: text('description').notNull(),
    descriptionHtml: text('description_html').notNull(),
    kind: text('kind').notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    /** Where it is held (null: online only). */
    location: text('location'),
    /** The online meeting's address (null: not online). Never sent to anyone not signed up. */
    meetingUrl: text('meeting_url'),
    linkVisibleMinutes: integer('link_visible_minutes').notNull().default(30),
    capacity: integer('capacity').notNull(),
    /** No sign-ups after this moment (null: until the start). */
    signupDeadline: time('signup_deadline'),
    entryCriteria: text('entry_criteria').notNull().default(''),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: time('updated_at').notNull().defaultNow(),
    /** Called off by staff: it stays listed as such, sign-ups closed. */
    cancelledAt: time('cancelled_at'),
    /** The day-before reminder went out (claimed by setting it, so it goes once). */
    reminderSentAt: time('reminder_sent_at'),
  },
  (t) => [
    index('centre_events_starts_at_idx').on(t.startsAt),
    check('centre_events_kind_check', sql`${t.kind} in ('training', 'kennisuitwisseling', 'webinar')`),
    check('centre_events_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('centre_events_capacity_check', sql`${t.capacity} > 0`),
    check('centre_events_place_check', sql`${t.location} is not null or ${t.meetingUrl} is not null`),
  ],
);

/**
 * Who signed up for an event: a participant, or waiting (in `id` order) for a place. Cancelling deletes the row;
 * the first waiting member then becomes a participant in the same transaction.
 */
export const centreEventSignups = pgTable(
  'centre_event_signups',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => centreEvents.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    createdAt: createdAt(),
    /** When she moved up from the waiting list (null: a participant from the start, or still waiting). */
    promotedAt: time('promoted_at'),
  },
  (t) => [
    uniqueIndex('centre_event_signups_event_user_key').on(t.eventId, t.userId),
    index('centre_event_signups_event_status_idx').on(t.eventId, t.status, t.id),
    index('centre_event_signups_user_idx').on(t.userId),
    check('centre_event_signups_status_check', sql`${t.status} in ('participant', 'waiting')`),
  ],
);

/** The Wegwijzer's subjects ("Wet- en regelgeving", "Kiesraad", …), in the order staff chose. */
export const guideSections = pgTable('guide_sections', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
});

/** A curated link in the Wegwijzer, with a short description; found by search beside discussions. */
export const guideLinks = pgTable(
  'guide_links',
  {
    id: serial('id').primaryKey(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => guideSections.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull(),
    position: integer('position').notNull().default(0),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [index('guide_links_section_idx').on(t.sectionId, t.position, t.id)],
);

/** A private conversation between members (server/conversations/): only its participants read it. */
export const conversations = pgTable(
  'conversations',
  {
    id: serial('id').primaryKey(),
    subject: text('subject').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastMessageAt: time('last_message_at').notNull().defaultNow(),
    messageCount: integer('message_count').notNull().default(0),
  },
  (t) => [check('conversations_message_count_check', sql`${t.messageCount} >= 0`)],
);

/** Who is in a conversation. Leaving deletes her row; the conversation goes with its last participant. */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: time('joined_at').notNull().defaultNow(),
    /** The last message she has read (0: none): her unread count is what came after. */
    lastReadMessageId: integer('last_read_message_id').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('conversation_participants_user_idx').on(t.userId)],
);

export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: serial('id').primaryKey(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null once the author's account is deleted: shown as a former member. */
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: createdAt(),
    editedAt: time('edited_at'),
    deletedAt: time('deleted_at'),
  },
  (t) => [index('conversation_messages_conversation_idx').on(t.conversationId, t.id), index('conversation_messages_author_idx').on(t.authorId)],
);

/** A member who may not start conversations with the blocker (and whom she no longer hears from in them). */
export const memberBlocks = pgTable(
  'member_blocks',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedUserId: integer('blocked_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.blockedUserId] }), index('member_blocks_blocked_idx').on(t.blockedUserId)],
);

/** A report on a message in a private conversation: while one is open, moderators may read that conversation. */
export const conversationMessageReports = pgTable(
  'conversation_message_reports',
  {
    id: serial('id').primaryKey(),
    messageId: integer('message_id')
      .notNull()
      .references(() => conversationMessages.id, { onDelete: 'cascade' }),
    /** Null once the reporter's account is deleted. */
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    note: text('note'),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    resolutionNote: text('resolution_note'),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: time('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversation_message_reports_message_reporter_key').on(t.messageId, t.reporterId),
    index('conversation_message_reports_status_id_idx').on(t.status, t.id),
    check('conversation_message_reports_reason_check', sql`${t.reason} in ('spam', 'offensive', 'off_topic', 'privacy', 'other')`),
    check('conversation_message_reports_status_check', sql`${t.status} in ('open', 'resolved', 'dismissed')`),
    check('conversation_message_reports_resolution_check', sql`${t.resolution} is null or ${t.resolution} in ('delete_message', 'dismiss')`),
  ],
);

/** What she is writing in a conversation and has not sent: one per member and conversation (like a reply's draft). */
export const conversationDrafts = pgTable(
  'conversation_drafts',
  {
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('conversation_drafts_user_idx').on(t.userId)],
);

/**
 * A member's question to the kenniscentrum (server/helpdesk/): read by her and the team only. Goes with her account.
 * `status`: open (the team's turn), waiting (the member's), closed.
 */
export const helpdeskQuestions = pgTable(
  'helpdesk_questions',
  {
    id: serial('id').primaryKey(),
    askerId: integer('asker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('open'),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** The team's first public answer: the response-time figure. */
    firstResponseAt: time('first_response_at'),
    lastActivityAt: time('last_activity_at').notNull().defaultNow(),
    closedAt: time('closed_at'),
    /** The asker's read marker over the public messages. */
    askerLastReadMessageId: integer('asker_last_read_message_id').notNull().default(0),
    /** Her consent to publish it (null: none), and how she may be named. */
    publishConsentAt: time('publish_consent_at'),
    publishShowName: boolean('publish_show_name').notNull().default(false),
    publishShowAffiliation: boolean('publish_show_affiliation').notNull().default(false),
    publishedThreadId: integer('published_thread_id').references(() => threads.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('helpdesk_questions_asker_idx').on(t.askerId, t.lastActivityAt.desc()),
    index('helpdesk_questions_inbox_idx').on(t.status, t.lastActivityAt.desc()),
    index('helpdesk_questions_assignee_idx').on(t.assigneeId),
  ],
);

/** A message on a helpdesk question: the asker's, or the team's answer or (internal) note for the team only. */
export const helpdeskMessages = pgTable(
  'helpdesk_messages',
  {
    id: serial('id').primaryKey(),
    questionId: integer('question_id')
      .notNull()
      .references(() => helpdeskQuestions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Written by the team (not the asker): set when written, so it stays true after the author leaves the team. */
    fromTeam: boolean('from_team').notNull(),
    internal: boolean('internal').notNull().default(false),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('helpdesk_messages_question_idx').on(t.questionId, t.id), index('helpdesk_messages_author_idx').on(t.authorId)],
);

/** The team's canned answers ("standaardantwoorden"): Markdown to start an answer from. */
export const helpdeskCannedAnswers = pgTable('helpdesk_canned_answers', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: time('updated_at').notNull().defaultNow(),
});
