/**
 * A workflow file parsed once, with what every rule needs: the YAML tree, the raw text (to point
 * at the exact characters of an expression) and a way to turn a node into the line it starts on.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';

export interface WorkflowFile {
  /** The path as shown in reports. */
  readonly path: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  /** 1-based line of a node or of a pair's key; 1 when the node has no position. */
  lineOf(node: Node | Pair | null | undefined): number;
  /** 1-based line of an offset into `text`. */
  lineAt(offset: number): number;
}

export function parseWorkflow(path: string, text: string): WorkflowFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (node: Node | Pair | null | undefined): number => {
    if (!node) return 1;
    const target: unknown = isPair(node) ? node.key : node;
    const start = (target as Node | null)?.range?.[0];
    return start === undefined ? 1 : lineAt(start);
  };
  return { path, text, doc, lineOf, lineAt };
}

/** The pair whose key is `key` in a mapping, if the node is a mapping and has it. */
export function pairOf(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap<Node, Node | null>).items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The value node under `key`, if any. */
export function valueOf(node: unknown, key: string): Node | null | undefined {
  return pairOf(node, key)?.value;
}

/** The scalar value under `key` as a string, if it is a scalar. */
export function stringOf(node: unknown, key: string): string | undefined {
  const value = valueOf(node, key);
  return isScalar(value) && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
}

export interface JobEntry {
  id: string;
  pair: Pair<Node, Node | null>;
  job: YAMLMap<Node, Node | null>;
}

/** Every job written as a mapping under `jobs:`. */
export function jobsOf(file: WorkflowFile): JobEntry[] {
  const jobs = valueOf(file.doc.contents, 'jobs');
  if (!isMap(jobs)) return [];
  const entries: JobEntry[] = [];
  for (const pair of (jobs as YAMLMap<Node, Node | null>).items) {
    if (isScalar(pair.key) && isMap(pair.value)) {
      entries.push({ id: String(pair.key.value), pair, job: pair.value as YAMLMap<Node, Node | null> });
    }
  }
  return entries;
}

export interface StepEntry {
  /** The job the step is in; empty for a step of a composite action (`runs.steps`). */
  jobId: string;
  index: number;
  step: YAMLMap<Node, Node | null>;
}

/**
 * Whether the file is an action's metadata (`action.yml`, with `runs:`) rather than a workflow.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax
 */
export function isActionFile(file: WorkflowFile): boolean {
  return pairOf(file.doc.contents, 'runs') !== undefined && pairOf(file.doc.contents, 'jobs') === undefined;
}

/** Every step written as a mapping, in every job, or in a composite action's `runs.steps`. */
export function stepsOf(file: WorkflowFile): StepEntry[] {
  const steps: StepEntry[] = [];
  const collect = (jobId: string, list: unknown) => {
    if (!isSeq(list)) return;
    list.items.forEach((step, index) => {
      if (isMap(step)) steps.push({ jobId, index, step: step as YAMLMap<Node, Node | null> });
    });
  };
  for (const { id, job } of jobsOf(file)) collect(id, valueOf(job, 'steps'));
  collect('', valueOf(valueOf(file.doc.contents, 'runs'), 'steps'));
  return steps;
}

/** Where a step is, for a report: `job "build", step 2`, or `step 2` in an action. */
export function stepPlace({ jobId, index }: StepEntry): string {
  return jobId === '' ? `step ${index + 1}` : `job "${jobId}", step ${index + 1}`;
}

/** How a step is named in a report: its `name`, else what it uses, else its position. */
export function describeStep(entry: StepEntry): string {
  const { jobId, step } = entry;
  const name = stringOf(step, 'name') ?? stringOf(step, 'uses') ?? stringOf(step, 'id');
  if (name === undefined) return stepPlace(entry);
  return jobId === '' ? `step "${name}"` : `job "${jobId}", step "${name}"`;
}
