import { Link, useParams } from 'react-router';
import type { MemberPost, MemberProfileBody } from '../../../shared/api/members';
import { useMember } from '../api/members';
import { Avatar } from '../components/avatar';
import { PageTitle } from '../components/page-title';
import { Loading, NotFound, PageError } from '../components/states';
import { MemberConversationActions } from './conversations/member-actions';
import { nl } from '../i18n/nl';
import { nlMembers } from '../i18n/nl-members';
import './members.css';

const t = nlMembers.page;
/** The thread page's anchor for a post (post-item.tsx postAnchor), written out: importing it would bring the whole post view into this page's code. */
const postAnchor = (id: number) => `bericht-${id}`;

/** Her posts (recent ones, or her best answers): where each is, when, and how it starts. */
function PostList({ posts, titleId, empty }: { posts: MemberPost[]; titleId: string; empty: string }) {
  if (posts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="card-list" aria-labelledby={titleId}>
      {posts.map((p) => (
        <li key={p.id} className="card">
          <h3 className="card-title">
            <Link to={`/discussie/${p.threadId}#${postAnchor(p.id)}`}>{p.threadTitle}</Link>
          </h3>
          <p className="meta">
            <time dateTime={p.createdAt}>{nl.time.format(p.createdAt)}</time>
          </p>
          {p.excerpt && <p className="member-excerpt">{p.excerpt}</p>}
        </li>
      ))}
    </ul>
  );
}

function Stats({ stats }: { stats: MemberProfileBody['stats'] }) {
  return (
    <ul className="member-stats">
      <li>{t.stats.threads(stats.threads)}</li>
      <li>{t.stats.posts(stats.posts)}</li>
      <li>{t.stats.bestAnswers(stats.bestAnswers)}</li>
      <li>{t.stats.thanksReceived(stats.thanksReceived)}</li>
    </ul>
  );
}

/**
 * /leden/:id, where author names and mentions link: what every member may know of another (never an e-mail address;
 * party and municipality only when she shows them), and what she wrote that the reader may see herself: the server
 * counts and lists only that (server/members/page.ts).
 */
export default function MemberPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useMember(valid ? id : 0);
  if (!valid) return <NotFound />;
  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const { member, stats, threads, posts, bestAnswers } = query.data;
  const role = member.representativeRole;
  return (
    <>
      <div className="member-head">
        <Avatar id={member.id} displayName={member.displayName} avatarUrl={member.avatarUrl} size={72} />
        <div>
          <PageTitle>{member.displayName}</PageTitle>
          {role && (
            <p className="badges">
              <span className="badge role">{nl.roles[role]}</span>
              {member.representativeVerified && (
                <span className="badge solved">{t.verifiedBadge}</span>
              )}
            </p>
          )}
        </div>
      </div>
      <MemberConversationActions page={query.data} />
      <dl className="details">
        {/* Absent when she chose not to show them: then the page says nothing about them at all. */}
        {member.party !== undefined && (
          <>
            <dt>{t.party}</dt>
            <dd>{member.party}</dd>
          </>
        )}
        {member.municipality !== undefined && (
          <>
            <dt>{t.municipality}</dt>
            <dd>{member.municipality}</dd>
          </>
        )}
        <dt>{t.role}</dt>
        <dd>
          {role ? nl.roles[role] : t.noRole}
          {role && member.representativeVerified && ` (${t.verified})`}
        </dd>
        <dt>{t.since}</dt>
        <dd>{nl.time.date(member.memberSince)}</dd>
      </dl>

      <h2>{t.statsTitle}</h2>
      <Stats stats={stats} />

      <h2 id="leden-discussies">{t.threadsTitle}</h2>
      {threads.length === 0 ? (
        <p className="muted">{t.threadsEmpty}</p>
      ) : (
        <ul className="card-list" aria-labelledby="leden-discussies">
          {threads.map((thread) => (
            <li key={thread.id} className="card">
              <h3 className="card-title">
                <Link to={`/discussie/${thread.id}`}>{thread.title}</Link>
              </h3>
              {thread.solved && (
                <p className="badges">
                  <span className="badge solved">{t.solved}</span>
                </p>
              )}
              <p className="meta">
                {t.threadMeta(thread.postCount)} <time dateTime={thread.lastPostAt}>{nl.time.format(thread.lastPostAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}

      <h2 id="leden-berichten">{t.postsTitle}</h2>
      <PostList posts={posts} titleId="leden-berichten" empty={t.postsEmpty} />

      <h2 id="leden-antwoorden">{t.bestAnswersTitle}</h2>
      <PostList posts={bestAnswers} titleId="leden-antwoorden" empty={t.bestAnswersEmpty} />

      <p>
        <Link to="/leden">{t.toDirectory}</Link>
      </p>
    </>
  );
}
