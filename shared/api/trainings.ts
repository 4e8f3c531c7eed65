import { Type, type Static } from 'typebox';
import { NextCursor, NullableTimestamp, OneOf, PageQuery, Timestamp } from './common.js';

/**
 * Trainings, kennisuitwisselingen and webinars of the kenniscentrum (server/trainings/). A member sees one only
 * while she may enter its category; each has a discussion thread in that category. Sign-up is first come, first
 * served: a participant while places are free, then the waiting list, which moves up when someone cancels.
 */
export const TRAINING_KINDS = ['training', 'kennisuitwisseling', 'webinar'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_SIGNUP_STATUSES = ['participant', 'waiting'] as const;
export type TrainingSignupStatus = (typeof TRAINING_SIGNUP_STATUSES)[number];

export const TRAINING_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  descriptionMin: 1,
  descriptionMax: 20_000,
  locationMax: 300,
  urlMax: 2000,
  entryCriteriaMax: 2000,
  capacityMin: 1,
  capacityMax: 1000,
  /** How long before the start the meeting link shows to participants. */
  linkVisibleMinutesMin: 0,
  linkVisibleMinutesMax: 24 * 60,
  linkVisibleMinutesDefault: 30,
  /** The start page's block of coming trainings. */
  startPageCount: 3,
} as const;

export const TrainingPeriod = OneOf(['upcoming', 'past'] as const);

/** Her own sign-up: `position` is her place on the waiting list (1-based), null while she is a participant. */
export const MySignup = Type.Object({
  status: OneOf(TRAINING_SIGNUP_STATUSES),
  position: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
});
export type MySignup = Static<typeof MySignup>;

const trainingSummaryProperties = {
  id: Type.Integer(),
  title: Type.String(),
  kind: OneOf(TRAINING_KINDS),
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** Held online (it has a meeting link, shown only to participants). */
  online: Type.Boolean(),
  /** Where it is held; null when online only. */
  location: Type.Union([Type.String(), Type.Null()]),
  capacity: Type.Integer(),
  participantCount: Type.Integer(),
  waitingCount: Type.Integer(),
  /** No sign-ups after this; null: until the start. */
  signupDeadline: NullableTimestamp,
  /** She can sign up now (not cancelled, not started, deadline not passed); when full she lands on the waiting list. */
  signupOpen: Type.Boolean(),
  cancelled: Type.Boolean(),
  category: Type.Object({ slug: Type.String(), name: Type.String() }),
  /** The discussion thread in the category (null if it was removed). */
  threadId: Type.Union([Type.Integer(), Type.Null()]),
  mySignup: Type.Union([MySignup, Type.Null()]),
};

export const TrainingSummary = Type.Object(trainingSummaryProperties);
export type TrainingSummary = Static<typeof TrainingSummary>;

/**
 * One training's page. `meetingUrl` is sent only to a participant (not a waiting member) from `linkOpensAt` until
 * the end, and always to the kenniscentrum's staff; `description` (the Markdown source) only to staff.
 */
export const TrainingDetail = Type.Object({
  ...trainingSummaryProperties,
  /** Sanitized HTML made from the Markdown description. */
  descriptionHtml: Type.String(),
  /** Who it is meant for (plain text, may be empty). */
  entryCriteria: Type.String(),
  linkVisibleMinutes: Type.Integer(),
  /** When participants get the meeting link (online only; null otherwise). */
  linkOpensAt: NullableTimestamp,
  meetingUrl: Type.Union([Type.String(), Type.Null()]),
  description: Type.Optional(Type.String()),
});
export type TrainingDetail = Static<typeof TrainingDetail>;

/** GET /api/trainings?period=upcoming|past: upcoming soonest first (running ones until their end), past latest first. */
export const TrainingListQuery = Type.Object(
  { period: Type.Optional(TrainingPeriod), ...PageQuery.properties },
  { additionalProperties: false },
);
export type TrainingListQuery = Static<typeof TrainingListQuery>;

export const TrainingList = Type.Object({ items: Type.Array(TrainingSummary), nextCursor: NextCursor });
export type TrainingList = Static<typeof TrainingList>;

export const TrainingAnswer = Type.Object({ training: TrainingDetail });
export type TrainingAnswer = Static<typeof TrainingAnswer>;

const Title = Type.String({ minLength: TRAINING_LIMITS.titleMin, maxLength: TRAINING_LIMITS.titleMax, pattern: '\\S' });
const Description = Type.String({ minLength: TRAINING_LIMITS.descriptionMin, maxLength: TRAINING_LIMITS.descriptionMax, pattern: '\\S' });
const Moment = Type.String({ format: 'date-time', maxLength: 40 });
const Location = Type.Union([Type.String({ maxLength: TRAINING_LIMITS.locationMax }), Type.Null()]);
// https only: checked by the route with a message of its own.
const MeetingUrl = Type.Union([Type.String({ maxLength: TRAINING_LIMITS.urlMax }), Type.Null()]);
const LinkVisibleMinutes = Type.Integer({ minimum: TRAINING_LIMITS.linkVisibleMinutesMin, maximum: TRAINING_LIMITS.linkVisibleMinutesMax });
const Capacity = Type.Integer({ minimum: TRAINING_LIMITS.capacityMin, maximum: TRAINING_LIMITS.capacityMax });
const EntryCriteria = Type.String({ maxLength: TRAINING_LIMITS.entryCriteriaMax });
const CategoryId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/**
 * POST /api/trainings (staff). Ends after it starts; a location, a meeting link (https) or both; a deadline before
 * the start; the category must exist and not be archived. Empty location/meetingUrl count as none.
 */
export const CreateTrainingBody = Type.Object(
  {
    title: Title,
    description: Description,
    kind: OneOf(TRAINING_KINDS),
    startsAt: Moment,
    endsAt: Moment,
    location: Type.Optional(Location),
    meetingUrl: Type.Optional(MeetingUrl),
    linkVisibleMinutes: Type.Optional(LinkVisibleMinutes),
    capacity: Capacity,
    signupDeadline: Type.Optional(Type.Union([Moment, Type.Null()])),
    entryCriteria: Type.Optional(EntryCriteria),
    categoryId: CategoryId,
  },
  { additionalProperties: false },
);
export type CreateTrainingBody = Static<typeof CreateTrainingBody>;

/**
 * PATCH /api/trainings/:id (staff): any of the fields; null clears location, meetingUrl or signupDeadline. A higher
 * capacity moves waiting members up in order; one below the number of participants is refused (409).
 */
export const UpdateTrainingBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    kind: Type.Optional(OneOf(TRAINING_KINDS)),
    startsAt: Type.Optional(Moment),
    endsAt: Type.Optional(Moment),
    location: Type.Optional(Location),
    meetingUrl: Type.Optional(MeetingUrl),
    linkVisibleMinutes: Type.Optional(LinkVisibleMinutes),
    capacity: Type.Optional(Capacity),
    signupDeadline: Type.Optional(Type.Union([Moment, Type.Null()])),
    entryCriteria: Type.Optional(EntryCriteria),
    categoryId: Type.Optional(CategoryId),
  },
  { additionalProperties: false },
);
export type UpdateTrainingBody = Static<typeof UpdateTrainingBody>;

/** GET /api/trainings/:id/participants (staff): participants first (sign-up order), then the waiting list in order. */
export const TrainingParticipant = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  party: Type.Union([Type.String(), Type.Null()]),
  municipality: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  status: OneOf(TRAINING_SIGNUP_STATUSES),
  position: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  signedUpAt: Timestamp,
});
export type TrainingParticipant = Static<typeof TrainingParticipant>;

export const TrainingParticipantList = Type.Object({ participants: Type.Array(TrainingParticipant) });
export type TrainingParticipantList = Static<typeof TrainingParticipantList>;
