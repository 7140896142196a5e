// Strongly connected components of a small integer graph, and one cycle through each: for cycle reports.

/**
 * Tarjan's algorithm without recursion (a 10,000-link chain must not exhaust the stack).
 * Returns the components that hold a cycle: several nodes, or one node with an edge to itself.
 */
export function cyclicComponents(count: number, successors: (node: number) => readonly number[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const found: number[][] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    // Each frame: the node and how many of its successors have been looked at.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [node, i] = frame;
      const succ = successors(node);
      if (i < succ.length) {
        frame[1]++;
        const w = succ[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[node] = Math.min(low[node]!, index[w]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] !== index[node]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== node);
      if (component.length > 1 || succ.includes(node)) found.push(component.sort((a, b) => a - b));
    }
  }
  return found;
}

/** The shortest cycle from `start` back to itself inside one component, as the list of its nodes. */
export function cycleThrough(start: number, component: readonly number[], successors: (node: number) => readonly number[]): number[] {
  const inside = new Set(component);
  const previous = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const w of successors(node)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [node];
        for (let p = previous.get(node); p !== undefined; p = previous.get(p)) path.push(p);
        return path.reverse();
      }
      if (!previous.has(w) && w !== start) {
        previous.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start];
}
