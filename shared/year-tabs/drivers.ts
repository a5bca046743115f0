// The Drivers tab as the network's theory of improvement: one aim, the primary drivers that lead to it, their
// secondary drivers and the change ideas under them, as a tree the sidebar draws as a driver diagram. Each
// row names the statement it leads to; a row whose link cannot be followed is named and shown apart.
import { normalizeHeader } from '../schema/sheet';
import type { TabSnapshot } from '../tracker/table';
import { readYearTable } from './year-table';

export type DriverKind = 'aim' | 'primary' | 'secondary' | 'change idea';

export const DRIVER_KINDS: readonly DriverKind[] = ['aim', 'primary', 'secondary', 'change idea'];

export const DRIVER_KIND_LABELS: Readonly<Record<DriverKind, string>> = {
  aim: 'Aim',
  primary: 'Primary driver',
  secondary: 'Secondary driver',
  'change idea': 'Change idea',
};

export interface DriverNode {
  kind: DriverKind;
  statement: string;
  /** 1-based sheet row. */
  row: number;
  children: DriverNode[];
}

export interface DriverDiagram {
  /** Usually one aim; a network may keep two side by side. */
  aims: DriverNode[];
  /** Rows whose "Leads to" names nothing on the tab (or a kind that cannot lead there). */
  unlinked: DriverNode[];
  problems: string[];
}

function kindOf(value: string): DriverKind | null {
  const v = normalizeHeader(value);
  if (v === 'aim' || v === 'shared aim') return 'aim';
  if (v === 'primary' || v === 'primary driver') return 'primary';
  if (v === 'secondary' || v === 'secondary driver') return 'secondary';
  if (v === 'change idea' || v === 'change' || v === 'idea' || v === 'change ideas') return 'change idea';
  return null;
}

/** What each kind may lead to: a change idea can hang off a secondary driver or straight off a primary. */
const PARENTS: Readonly<Record<DriverKind, readonly DriverKind[]>> = {
  aim: [],
  primary: ['aim'],
  secondary: ['primary'],
  'change idea': ['secondary', 'primary'],
};

export function readDriverDiagram(snapshots: readonly TabSnapshot[]): DriverDiagram {
  const t = readYearTable('drivers', snapshots);
  const nodes: (DriverNode & { leadsTo: string })[] = [];
  for (const row of t.table.rows) {
    const statement = t.text(row, 'statement');
    const rawKind = t.text(row, 'kind');
    const kind = kindOf(rawKind);
    if (!statement) {
      t.problems.push(
        `${t.address(row.row, 'statement')}: no statement; Rounds left this row out of the diagram.`,
      );
      continue;
    }
    if (!kind) {
      t.problems.push(
        `${t.address(row.row, 'kind')}: “${rawKind}” is not a kind of driver (Aim, Primary driver, Secondary driver or Change idea); “${statement}” is shown apart until it has one.`,
      );
    }
    nodes.push({
      kind: kind ?? 'change idea',
      statement,
      row: row.row,
      children: [],
      leadsTo: kind ? t.text(row, 'leadsTo') : '\u0000',
    });
  }
  const aims: DriverNode[] = [];
  const unlinked: DriverNode[] = [];
  for (const node of nodes) {
    const leadsTo = node.leadsTo;
    if (node.kind === 'aim' && leadsTo !== '\u0000') {
      aims.push(node);
      continue;
    }
    const parent = nodes.find(
      (p) =>
        p !== node &&
        PARENTS[node.kind].includes(p.kind) &&
        normalizeHeader(p.statement) === normalizeHeader(leadsTo),
    );
    if (parent) parent.children.push(node);
    else {
      if (leadsTo !== '\u0000')
        t.problems.push(
          leadsTo
            ? `${t.address(node.row, 'leadsTo')}: “${leadsTo}” is not a ${PARENTS[node.kind].map((k) => DRIVER_KIND_LABELS[k].toLowerCase()).join(' or ')} on ${t.name}; “${node.statement}” is shown apart.`
            : `${t.address(node.row, 'leadsTo')}: “${node.statement}” does not say what it leads to; it is shown apart.`,
        );
      unlinked.push(node);
    }
  }
  const strip = (n: DriverNode): DriverNode => ({
    kind: n.kind,
    statement: n.statement,
    row: n.row,
    children: n.children.map(strip),
  });
  return { aims: aims.map(strip), unlinked: unlinked.map(strip), problems: t.problems };
}
