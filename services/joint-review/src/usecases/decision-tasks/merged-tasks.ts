import { decodePageToken, encodePageToken } from '@govhall/paging';
import { byDueDate, type Task } from '../../domain/tasks/task';
import type { Page } from '../ports';
import type { DecisionTasks } from './decision-task.ports';

/** A task of a list, from a review or from another flow (which knows its dossier). */
export type ListedTask = { task: Task; dossier?: DecisionTaskDossier };
type DecisionTaskDossier = Awaited<ReturnType<DecisionTasks['list']>>[number]['dossier'];

/**
 * One page of a department's tasks, the reviews' and the other flows' together, earliest due first: the reviews'
 * are read as far as the page's end (`reviewTasks(upTo)`), the flows' whole (a department holds few), then merged.
 * Page tokens are offsets into the merged list.
 */
export async function mergedTaskPage(
  reviewTasks: (upTo: number) => Promise<Page<Task>>,
  flowTasks: () => Promise<ListedTask[]>,
  page: { pageToken: string; size: number },
): Promise<Page<ListedTask>> {
  const offset = decodePageToken(page.pageToken);
  const end = offset + page.size;
  const [reviews, others] = await Promise.all([reviewTasks(end), flowTasks()]);
  const merged: ListedTask[] = [...reviews.items.map((task) => ({ task })), ...others].sort((a, b) =>
    byDueDate(a.task, b.task),
  );
  const totalSize = reviews.totalSize + others.length;
  return {
    items: merged.slice(offset, end),
    nextPageToken: end < totalSize ? encodePageToken(end) : '',
    totalSize,
  };
}
