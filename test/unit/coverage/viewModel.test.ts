import { strict as assert } from 'node:assert';
import {
  applyPatch, buildViewModel, diffViewModel, jsonEqual, overallCoverage, problemCount, type CoverageViewModel,
} from '../../../src/core/coverage/viewModel';
import { exampleIndex, FakeIndex, MATRIX, README } from './fakeIndex';

describe('coverage view model', () => {
  it('builds one series with its matrix, ordered by README path', () => {
    const idx = exampleIndex().addSeries('alpha/README.md', '# Alpha\n\n## Chapters\n\n### A\n\n- [01_x](01_x.md) - 必讀 - 5 min\n');
    const vm = buildViewModel(idx);
    assert.deepEqual(vm.series.map(s => s.id), ['alpha/README.md', 'backend/README.md']);
    const s = vm.series[1]!;
    assert.equal(s.title, 'Backend Series README');
    assert.equal(s.folder, 'backend');
    assert.equal(s.matrix, 'backend/coverage_matrix.md');
    assert.equal(vm.series[0]!.matrix, undefined);
  });

  it('gives each row its files, states, declared and computed status, and flags mismatches', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    assert.deepEqual(s.rows.map(r => r.topic), ['Scalability', 'Availability & Consistency', 'CAP', 'Extra']);
    const [scal, avail, cap, extra] = s.rows;
    assert.deepEqual(scal!.files.map(f => [f.href, f.file, f.state, f.title]),
      [['system_design/01_scalability.md', 'backend/system_design/01_scalability.md', 'written', 'Scalability']]);
    assert.equal(scal!.declared, 'done');
    assert.equal(scal!.computed, 'done');
    assert.equal(scal!.mismatch, false);
    assert.deepEqual(avail!.files.map(f => f.state), ['draft', 'missing']);
    assert.equal(avail!.computed, 'in-progress');
    assert.equal(avail!.declared, 'pending');
    assert.equal(avail!.mismatch, true);
    // 12_cap has no status and a body shorter than the written threshold: draft, so `完成` is a mismatch
    assert.equal(cap!.declared, 'done');
    assert.equal(cap!.declaredText, '完成');
    assert.equal(cap!.computed, 'in-progress');
    assert.equal(cap!.mismatch, true);
    // an unknown status word is no status, and always a mismatch
    assert.equal(extra!.declared, undefined);
    assert.equal(extra!.declaredText, '???');
    assert.equal(extra!.computed, 'pending');
    assert.equal(extra!.mismatch, true);
  });

  it('takes priority (the highest) and reading time (the sum) from the README chapters of the row', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    const [scal, avail, cap, extra] = s.rows;
    assert.equal(scal!.priority, 'must-read');
    assert.equal(scal!.minutes, 90);
    assert.equal(avail!.priority, 'important');
    assert.equal(avail!.minutes, 105);
    assert.equal(cap!.priority, 'must-read');
    assert.equal(extra!.priority, undefined);
    assert.equal(extra!.minutes, undefined);
  });

  it('records the 0-based matrix line of each row', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    const lines = MATRIX.split('\n');
    for (const r of s.rows) assert.ok(lines[r.line]!.includes(r.topic), `line ${r.line} holds ${r.topic}`);
  });

  it('counts errors and warnings (not information or hints) as problems, per file and per row', () => {
    const idx = exampleIndex()
      .addDiagnostic('backend/system_design/02_availability.md', 'error')
      .addDiagnostic('backend/system_design/02_availability.md', 'warning')
      .addDiagnostic('backend/system_design/02_availability.md', 'information')
      .addDiagnostic('backend/system_design/03_consistency.md', 'hint')
      .addDiagnostic('backend/system_design/01_scalability.md', 'warning');
    const s = buildViewModel(idx).series[0]!;
    assert.equal(s.rows[0]!.problems, 1);
    assert.equal(s.rows[1]!.problems, 2);
    assert.deepEqual(s.rows[1]!.files.map(f => f.problems), [2, 0]);
    assert.equal(problemCount([]), 0);
  });

  it('summarises covered topics and progress per capability area', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    assert.equal(s.covered, 1);
    assert.equal(s.total, 4);
    assert.deepEqual(s.areas, [
      { area: 'System Design', total: 2, done: 1, inProgress: 1, pending: 0 },
      { area: 'Distributed Systems', total: 2, done: 0, inProgress: 1, pending: 1 },
    ]);
  });

  it('sums the minutes left by priority over README chapters not written yet', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    // 02 draft (重要 75) + 03 missing (可跳讀 30) + 12 draft (Must-read 60) + 14 missing (no known label, 20)
    assert.deepEqual(s.minutesLeft, { 'must-read': 60, important: 75, skippable: 30, none: 20 });
  });

  it('lists README chapters missing from the matrix and matrix files missing from the README', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    assert.deepEqual(s.readmeOnly.map(c => [c.label, c.file, c.category, c.state, c.priority, c.minutes]), [
      ['13_saga', 'backend/distributed_systems/13_saga.md', 'Distributed Systems', 'written', 'important', 45],
      ['14_2pc', 'backend/distributed_systems/14_2pc.md', 'Distributed Systems', 'missing', undefined, 20],
    ]);
    assert.ok(README.split('\n')[s.readmeOnly[0]!.line]!.includes('13_saga'));
    assert.deepEqual(s.matrixOnly.map(f => [f.href, f.file, f.topic, f.state]),
      [['distributed_systems/99_extra.md', 'backend/distributed_systems/99_extra.md', 'Extra', 'missing']]);
  });

  it('keeps the Remaining Gaps text and the matrix problems', () => {
    const s = buildViewModel(exampleIndex()).series[0]!;
    assert.equal(s.gaps, '- 初始狀態：全部待建立。\n- second line');
    assert.deepEqual(s.matrixProblems, []);
    const broken = new FakeIndex().addSeries('n/README.md', README, '# Matrix\n\nno table here\n');
    const b = buildViewModel(broken).series[0]!;
    assert.equal(b.rows.length, 0);
    assert.equal(b.matrixProblems.length, 1);
    assert.match(b.matrixProblems[0]!.message, /no coverage table/);
    // the code and facts of the diagnostic on the matrix, which the host words in the display language
    assert.equal(b.matrixProblems[0]!.code, 'coverage-unlisted');
    assert.deepEqual(b.matrixProblems[0]!.data, { problem: 'no-table', matrix: 'n/coverage_matrix.md' });
  });

  it('a table without a files column: no row is a mismatch and no README chapter is unlisted, the problem is shown', () => {
    const noFiles = '| Capability Area | Required Topic | Paths | Status |\n| --- | --- | --- | --- |\n| A | Scalability | `system_design/01_scalability.md` | Done |\n| A | X | | Pending |\n';
    const s = buildViewModel(new FakeIndex().addSeries('backend/README.md', README, noFiles)).series[0]!;
    assert.deepEqual(s.rows.map(r => r.mismatch), [false, false]);
    // nothing says which files a row covers: no status is computed, and the rows count neither way (as in the CLI)
    assert.deepEqual(s.rows.map(r => r.computed), [undefined, undefined]);
    assert.deepEqual([s.covered, s.total, s.areas], [0, 0, []]);
    assert.deepEqual(s.readmeOnly, []);
    assert.equal(s.matrixProblems.length, 1);
    assert.match(s.matrixProblems[0]!.message, /no "Coverage Files" column/);
    assert.equal(s.matrixProblems[0]!.code, 'coverage-unlisted');
    assert.deepEqual(s.matrixProblems[0]!.data, { problem: 'no-files-column', matrix: 'backend/coverage_matrix.md', everyTable: true });
  });

  it('a series without a matrix has no rows, no unlisted lists, but minutes left', () => {
    const s = buildViewModel(new FakeIndex().addSeries('x/README.md', README)).series[0]!;
    assert.equal(s.matrix, undefined);
    assert.deepEqual(s.rows, []);
    assert.deepEqual(s.readmeOnly, []);
    assert.deepEqual(s.matrixOnly, []);
    assert.equal(s.minutesLeft['must-read'], 150);
  });

  it('gives duplicate rows distinct, stable keys', () => {
    const dup = MATRIX.replace('| Distributed Systems | CAP |', '| System Design | Scalability | `system_design/01_scalability.md` | Done |\n| Distributed Systems | CAP |');
    const s = buildViewModel(new FakeIndex().addSeries('backend/README.md', README, dup)).series[0]!;
    const keys = s.rows.map(r => r.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(keys[2], keys[0] + '#1');
  });

  it('keeps note text as plain data (markup is never interpreted)', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const idx = new FakeIndex()
      .addSeries('b/README.md', README, MATRIX)
      .addNote('b/system_design/01_scalability.md', { status: 'active', title: evil });
    const row = buildViewModel(idx).series[0]!.rows[0]!;
    assert.equal(row.files[0]!.title, evil);
  });

  it('survives JSON serialisation unchanged (what postMessage does)', () => {
    const vm = buildViewModel(exampleIndex());
    assert.deepEqual(JSON.parse(JSON.stringify(vm)), vm);
  });

  it('gives the overall figure over series with a matrix', () => {
    const idx = exampleIndex().addSeries('z/README.md', README);
    assert.deepEqual(overallCoverage(buildViewModel(idx)), { covered: 1, total: 4, series: 1 });
  });
});

describe('coverage view model diff', () => {
  const build = (f: (i: FakeIndex) => void = () => {}): CoverageViewModel => { const i = exampleIndex(); f(i); return buildViewModel(i); };

  it('is undefined when nothing changed', () => {
    assert.equal(diffViewModel(build(), build()), undefined);
  });

  it('sends only the changed row when a row-only fact changes', () => {
    const prev = build();
    const next = build(i => i.addDiagnostic('backend/distributed_systems/12_cap.md', 'error'));
    const patch = diffViewModel(prev, next)!;
    assert.equal(patch.order, undefined);
    assert.equal(patch.added, undefined);
    assert.equal(patch.changed!.length, 1);
    const c = patch.changed![0]!;
    assert.equal(c.head, undefined);
    assert.equal(c.order, undefined);
    assert.deepEqual(c.rows!.map(r => r.topic), ['CAP']);
  });

  it('sends the head too when a status change moves the summary', () => {
    const prev = build();
    const next = build(i => i.addNote('backend/distributed_systems/12_cap.md', { status: 'active', body: 5000 }));
    const c = diffViewModel(prev, next)!.changed![0]!;
    assert.equal(c.head!.covered, 2);
    // only the head fields that changed travel: 12_cap's minutes are no longer left; the unlisted lists stay home
    assert.deepEqual(Object.keys(c.head!).sort(), ['areas', 'covered', 'minutesLeft']);
    assert.deepEqual(c.rows!.map(r => [r.topic, r.computed, r.mismatch]), [['CAP', 'done', false]]);
    assert.equal(c.order, undefined);
  });

  it('sends the order when rows are added, removed or moved, and series when they come and go', () => {
    const prev = build();
    const idx = new FakeIndex()
      .addSeries('backend/README.md', README, MATRIX.replace(/^\| System Design \| Scalability .*\n/m, ''))
      .addSeries('a/README.md', README);
    const next = buildViewModel(idx);
    const patch = diffViewModel(prev, next)!;
    assert.deepEqual(patch.order, ['a/README.md', 'backend/README.md']);
    assert.deepEqual(patch.added!.map(s => s.id), ['a/README.md']);
    const c = patch.changed!.find(x => x.id === 'backend/README.md')!;
    assert.equal(c.order!.length, 3);
  });

  it('applyPatch(prev, diff(prev, next)) rebuilds next, without touching prev', () => {
    const variants: ((i: FakeIndex) => void)[] = [
      i => i.addNote('backend/system_design/03_consistency.md', { status: 'active' }),
      i => i.removeNote('backend/system_design/01_scalability.md'),
      i => i.addDiagnostic('backend/system_design/01_scalability.md', 'error'),
      i => i.addSeries('c/README.md', README, MATRIX),
      i => i.addNote('backend/system_design/02_availability.md', { status: 'active', title: 'New title' }),
    ];
    const base = build();
    for (const v of variants) {
      const prev = build();
      const next = build(v);
      const patch = diffViewModel(prev, next);
      assert.ok(patch, 'a change gives a patch');
      const { model } = applyPatch(prev, JSON.parse(JSON.stringify(patch)));
      assert.deepEqual(model, next);
      assert.deepEqual(prev, base);
    }
    // the matrix went away: its optional field is removed from the page's copy
    const withMatrix = build();
    const without = buildViewModel(new FakeIndex().addSeries('backend/README.md', README));
    const gone = diffViewModel(withMatrix, without)!;
    assert.equal(gone.changed![0]!.head!.matrix, null);
    const rebuilt = applyPatch(withMatrix, JSON.parse(JSON.stringify(gone))).model;
    assert.deepEqual(rebuilt, JSON.parse(JSON.stringify(without)));
    assert.ok(!('matrix' in rebuilt.series[0]!));
    // removed series
    const two = buildViewModel(exampleIndex().addSeries('c/README.md', README, MATRIX));
    const one = build();
    assert.deepEqual(applyPatch(two, diffViewModel(two, one)!).model, one);
    // reordered rows
    const swapped = MATRIX.replace(/(\| System Design \| Scalability .*\n)(\| System Design \| Availability .*\n)/, '$2$1');
    const moved = buildViewModel(new FakeIndex().addSeries('backend/README.md', README, swapped)
      .addNote('backend/system_design/01_scalability.md', { status: 'active', title: 'Scalability' })
      .addNote('backend/system_design/02_availability.md', { status: 'draft' })
      .addNote('backend/distributed_systems/12_cap.md', { body: 50 })
      .addNote('backend/distributed_systems/13_saga.md', { status: 'active' })
      .addFile('backend/quality_rubric.md'));
    const p = diffViewModel(one, moved)!;
    assert.ok(p.changed![0]!.order);
    assert.deepEqual(applyPatch(one, p).model, moved);
  });

  it('reports what it touched: head, table or single rows', () => {
    const prev = build();
    const rowOnly = diffViewModel(prev, build(i => i.addDiagnostic('backend/distributed_systems/12_cap.md', 'error')))!;
    const t1 = applyPatch(prev, rowOnly).touched.get('backend/README.md')!;
    assert.deepEqual([t1.added, t1.head, t1.table, [...t1.rows].length], [false, false, false, 1]);
    const headToo = diffViewModel(prev, build(i => i.addNote('backend/system_design/03_consistency.md', { status: 'active' })))!;
    const t2 = applyPatch(prev, headToo).touched.get('backend/README.md')!;
    assert.equal(t2.head, true);
    assert.equal(t2.table, false);
  });
});

describe('jsonEqual', () => {
  it('compares JSON data structurally', () => {
    assert.ok(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }));
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(!jsonEqual([1, 2], [2, 1]));
    assert.ok(!jsonEqual({ a: 1 }, [1]));
    assert.ok(!jsonEqual(null, {}));
  });
});
