import { describe, expect, it } from 'vitest';
import { measureSizes } from '../scripts/codebase/measure-sizes.js';
import { isGenerated, isTestCode } from '../scripts/codebase/source-files.js';

const lines = (count: number) => Array.from({ length: count }, (_, n) => `  step${n}();`).join('\n');

describe('scripts/check-sizes.ts: what it measures', () => {
  it('counts a function from its first line to its last, by the name a reader would use, nested ones on their own', () => {
    const source = [
      'export function outer() {', // 1
      lines(3),
      '  const inner = () => {', // 5
      lines(2),
      '  };', // 8
      '}', // 9
      'class Relay {',
      '  start() {',
      '    return 1;',
      '  }',
      '}',
      "describe('x', () => {",
      '  it(1);',
      '});',
    ].join('\n');
    const size = measureSizes('example.ts', `${source}\n`);
    expect(size.lines).toBe(17);
    expect(size.functions).toEqual([
      { name: 'outer', line: 1, lines: 9 },
      { name: 'inner', line: 5, lines: 4 },
      { name: 'start', line: 11, lines: 3 },
      { name: 'callback of describe()', line: 15, lines: 3 },
    ]);
  });

  it('reads JSX and plain JavaScript too', () => {
    const component = measureSizes('view.tsx', 'export function View() {\n  return <p>hi</p>;\n}\n');
    expect(component.functions).toEqual([{ name: 'View', line: 1, lines: 3 }]);
    const script = measureSizes('run.mjs', 'export const run = async () => {\n  await go();\n};\n');
    expect(script.functions).toEqual([{ name: 'run', line: 1, lines: 3 }]);
  });

  it('leaves out tests, their support code and generated code', () => {
    expect(isTestCode('apps/order/src/orders.test.ts')).toBe(true);
    expect(isTestCode('packages/kafka-runtime/test/support/ledger.ts')).toBe(true);
    expect(isTestCode('apps/gateway/src/test-support/fake-upstream.ts')).toBe(true);
    expect(isTestCode('apps/order/src/orders/create-order.ts')).toBe(false);
    expect(isGenerated('apps/order/src/generated/prisma/client.ts')).toBe(true);
    expect(isGenerated('apps/web/next-env.d.ts')).toBe(true);
  });
});
