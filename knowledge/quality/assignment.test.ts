// Balanced hand-out of sampled calls to reviewers with daily caps.
import { describe, it, expect } from 'vitest';
import { assignBalanced } from './assignment.ts';

describe('assignBalanced', () => {
  it('spreads samples evenly and moves to the next day when every reviewer is at the cap', () => {
    const samples = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, agentId: 'x' }));
    const { assignments } = assignBalanced({ samples, reviewerIds: ['r1', 'r2'], dailyCap: 2, startDate: '2026-11-30' });
    expect(assignments).toEqual([
      { id: 'a', reviewerId: 'r1', dueDate: '2026-11-30' },
      { id: 'b', reviewerId: 'r2', dueDate: '2026-11-30' },
      { id: 'c', reviewerId: 'r1', dueDate: '2026-11-30' },
      { id: 'd', reviewerId: 'r2', dueDate: '2026-11-30' },
      { id: 'e', reviewerId: 'r1', dueDate: '2026-12-01' },
    ]);
  });
  it('never gives reviewers their own calls (mutual and peer checks)', () => {
    const samples = [
      { id: 'c1', agentId: 'p1' },
      { id: 'c2', agentId: 'p1' },
      { id: 'c3', agentId: 'p2' },
    ];
    const { assignments } = assignBalanced({ samples, reviewerIds: ['p1', 'p2', 'p3'], dailyCap: 5, startDate: '2026-11-30' });
    expect(assignments.map((a) => [a.id, a.reviewerId])).toEqual([
      ['c1', 'p2'],
      ['c2', 'p3'],
      ['c3', 'p1'],
    ]);
  });
  it('keeps excluded reviewers (a client reviewer of another project) off a call', () => {
    const samples = [
      { id: 'c1', agentId: 'a', excluded: ['client-ev'] },
      { id: 'c2', agentId: 'a' },
      { id: 'c3', agentId: 'a', excluded: ['client-ev', 'r1'] },
    ];
    const { assignments, unassigned } = assignBalanced({ samples, reviewerIds: ['client-ev', 'r1'], dailyCap: 5, startDate: '2026-11-30' });
    expect(assignments.map((a) => [a.id, a.reviewerId])).toEqual([
      ['c1', 'r1'],
      ['c2', 'client-ev'],
    ]);
    expect(unassigned).toEqual(['c3']);
  });
  describe('edge cases', () => {
    it('leaves out a call only its own agent could check, and refuses a zero cap', () => {
      expect(assignBalanced({ samples: [{ id: 'c', agentId: 'r' }], reviewerIds: ['r'], dailyCap: 1, startDate: '2026-11-30' })).toEqual({ assignments: [], unassigned: ['c'] });
      expect(() => assignBalanced({ samples: [], reviewerIds: ['r'], dailyCap: 0, startDate: '2026-11-30' })).toThrow(RangeError);
    });
  });
});
