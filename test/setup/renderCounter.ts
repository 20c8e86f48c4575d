/**
 * Counts which components render, through the hook React DevTools uses
 * (installed before react-dom loads, so every component test has it; it
 * walks the tree only while a test is counting). A test can then say that a
 * keystroke re-rendered this and not that, in any component, exported or not.
 */

interface Fiber {
  tag: number;
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

/** Function, forwardRef, memo and simple memo components. */
const COMPONENT_TAGS = new Set([0, 11, 14, 15]);
/** React's flag for a fiber whose component ran in this render. */
const PERFORMED_WORK = 1;

let counts: Map<string, number> | null = null;

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; type?: { name?: string }; render?: { name?: string } } | null;
  return type?.displayName ?? type?.type?.name ?? type?.render?.name ?? type?.name ?? '(anonymous)';
}

function note(fiber: Fiber): void {
  if (!counts || !COMPONENT_TAGS.has(fiber.tag)) return;
  const name = nameOf(fiber);
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

function visitMounted(fiber: Fiber): void {
  for (let child = fiber.child; child; child = child.sibling) {
    note(child);
    visitMounted(child);
  }
}

/** A subtree React did not enter keeps its old fibers (child === alternate.child): nothing in it rendered. */
function visit(fiber: Fiber): void {
  for (let child = fiber.child; child; child = child.sibling) {
    if (child.alternate === null) {
      note(child);
      visitMounted(child);
      continue;
    }
    if (child.flags & PERFORMED_WORK) note(child);
    if (child.child !== child.alternate.child) visit(child);
  }
}

(globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  onCommitFiberRoot(_id: number, root: { current: Fiber }) {
    if (!counts) return;
    if (root.current.alternate === null) visitMounted(root.current);
    else visit(root.current);
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  checkDCE() {},
};

/** How many times each component rendered while `run` ran. */
export async function countRenders(run: () => Promise<void>): Promise<Map<string, number>> {
  counts = new Map();
  try {
    await run();
    return counts;
  } finally {
    counts = null;
  }
}
