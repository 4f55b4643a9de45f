export interface Instruction {
  keyword: string;
  value: string;
}

export interface Stage {
  name: string;
  /** The image or earlier stage this one starts FROM. */
  base: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile with their instructions (continuation lines joined, comments dropped). */
export function dockerfileStages(text: string): Map<string, Stage> {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const line of lines) {
    const [, keyword = '', value = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, base = '', name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(value) ?? [];
      current = { name: name ?? `#${stages.size}`, base, instructions: [] };
      stages.set(current.name, current);
    } else {
      current?.instructions.push({ keyword: keyword.toUpperCase(), value });
    }
  }
  return stages;
}

/** The instructions a target stage runs, from its first ancestor stage to itself. */
export function instructionsOfTarget(stages: Map<string, Stage>, target: string): Instruction[] {
  const chain: Stage[] = [];
  for (
    let stage = stages.get(target);
    stage && !chain.includes(stage);
    stage = stages.get(stage.base)
  ) {
    chain.unshift(stage);
  }
  return chain.flatMap((stage) => stage.instructions);
}
