import { Type, type Static } from 'typebox';
import { CATEGORY_ACCESS, CATEGORY_COLORS, CATEGORY_ICONS, LIMITS } from '../constants.js';
import { OneOf } from './common.js';
import { CategoryFields } from './forum.js';

/** Admins keep the categories (server/forum/category-admin-routes.ts): the list as they see it. */
export const AdminCategory = Type.Object({
  ...CategoryFields,
  position: Type.Integer(),
  /** Its threads that are not deleted, hidden ones included: a category can be deleted only when this is 0. */
  threadsTotal: Type.Integer(),
  /** fuseren, campagne and kandidaatstelling: renamed, never deleted. */
  core: Type.Boolean(),
});
export type AdminCategory = Static<typeof AdminCategory>;

export const AdminCategoryList = Type.Object({ categories: Type.Array(AdminCategory) });
export type AdminCategoryList = Static<typeof AdminCategoryList>;

const Name = Type.String({ minLength: LIMITS.categoryNameMin, maxLength: LIMITS.categoryNameMax, pattern: '\\S' });
const Description = Type.String({ maxLength: LIMITS.categoryDescriptionMax });
const Icon = Type.Union([OneOf(CATEGORY_ICONS), Type.Null()]);

/** Its address (/forum/<slug>) is made from the name and never changes, so links to it keep working. */
export const CreateCategoryBody = Type.Object(
  {
    name: Name,
    description: Description,
    color: OneOf(CATEGORY_COLORS),
    icon: Icon,
    access: OneOf(CATEGORY_ACCESS),
    /** Its threads are questions that can get a best answer; on when left out. */
    expectsAnswers: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    color: Type.Optional(OneOf(CATEGORY_COLORS)),
    icon: Type.Optional(Icon),
    access: Type.Optional(OneOf(CATEGORY_ACCESS)),
    archived: Type.Optional(Type.Boolean()),
    expectsAnswers: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

/** The new order: every category's id, once, first shown first. */
export const CategoryOrderBody = Type.Object(
  { ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: LIMITS.categoriesMax, uniqueItems: true }) },
  { additionalProperties: false },
);
export type CategoryOrderBody = Static<typeof CategoryOrderBody>;
