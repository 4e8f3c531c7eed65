import type { CategoryAccess, CategoryColor, CategoryIcon } from '../../shared/constants.js';
import type { Tx } from '../db/client.js';
import { categories } from '../db/schema.js';
import { publish } from '../events/publish.js';

export interface NewCategory {
  slug: string;
  name: string;
  description: string;
  color: CategoryColor;
  icon: CategoryIcon | null;
  access: CategoryAccess;
  position: number;
  archivedAt?: Date | null;
  expectsAnswers?: boolean;
}

/** Adds a category and announces it; the admins' route (category-admin-routes.ts) and the test factories call it. */
export async function insertCategory(tx: Tx, values: NewCategory): Promise<number> {
  const [created] = await tx.insert(categories).values(values).returning({ id: categories.id });
  await publish(tx, { type: 'category.updated', categoryId: created!.id });
  return created!.id;
}
