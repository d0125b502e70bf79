import { describe, expect, it } from 'vitest';
import { BillNumberSchema, MAX_CONVOCATION } from '../../shared/bill/bill.js';

describe('BillNumberSchema: one spelling per bill', () => {
  it('accepts canonical numbers of real convocations, trimmed', () => {
    expect(['1075342-8', ' 42-1 ', `7-${MAX_CONVOCATION}`].map((number) => BillNumberSchema.parse(number))).toEqual(['1075342-8', '42-1', `7-${MAX_CONVOCATION}`]);
  });

  it('refuses leading zeros, a zero number and convocations that never sat, each with one message', () => {
    const refused = ['01075342-8', '1075342-08', '0-0', '0-8', '1-0', `1-${MAX_CONVOCATION + 1}`, '1075342', 'x'];

    const issues = refused.map((number) => BillNumberSchema.safeParse(number).error?.issues.map((issue) => issue.message));

    expect(issues).toEqual([
      ['a bill number looks like 1075342-8'],
      ['a bill number looks like 1075342-8'],
      ['a bill number looks like 1075342-8'],
      ['a bill number looks like 1075342-8'],
      ['a bill number looks like 1075342-8'],
      [`the part after the dash is the convocation, 1 to ${MAX_CONVOCATION}`],
      ['a bill number looks like 1075342-8'],
      ['a bill number looks like 1075342-8'],
    ]);
  });
});
