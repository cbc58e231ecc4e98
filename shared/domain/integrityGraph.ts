/**
 * Graph walks for the reporting rules (integrity.ts). Both are iterative: a reporting chain of
 * any length, from any file, must neither loop forever nor overflow the call stack.
 */

/**
 * Strongly connected components (Tarjan 1972), in O(nodes + edges): every reporting loop lies
 * inside one component of two or more people. Nodes reached only through edges are visited too.
 */
export function stronglyConnected(nodes: readonly string[], next: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const work: Array<{ id: string; edges: readonly string[]; i: number }> = [];
  const open = (id: string) => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    onStack.add(id);
    work.push({ id, edges: next(id), i: 0 });
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.i < top.edges.length) {
        const to = top.edges[top.i++]!;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(top.id, Math.min(low.get(top.id)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) !== index.get(top.id)) continue;
      const component: string[] = [];
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        component.push(id);
      } while (id !== top.id);
      out.push(component);
    }
  }
  return out;
}

/** The shortest cycle through `start` (breadth first), as the people in order from `start`; null when there is none. */
export function firstCycle(start: string, next: (id: string) => readonly string[]): string[] | null {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    for (const to of next(at)) {
      if (to === start) {
        const path = [at];
        while (path[path.length - 1] !== start) path.push(parent.get(path[path.length - 1]!)!);
        return path.reverse();
      }
      if (!parent.has(to)) {
        parent.set(to, at);
        queue.push(to);
      }
    }
  }
  return null;
}
