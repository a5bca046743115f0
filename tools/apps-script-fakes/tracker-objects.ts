// The objects Refresh tracker builds through SpreadsheetApp and Charts, faked as plain records: conditional
// format rules, dropdown rules, header protections and charts, plus the builders that make them.
import type { SheetBuilders } from '../../apps-script/services/tracker-sheets';

export interface FakeConditionalRule {
  formula: string;
  background: string;
  ranges: string[];
  getBooleanCondition(): { getCriteriaValues(): unknown[] } | null;
}

export interface FakeChart {
  type: unknown;
  ranges: string[];
  position: [number, number];
  options: Map<string, unknown>;
  getOptions(): { get(option: string): unknown };
}

export class FakeProtection {
  warningOnly = false;

  constructor(
    readonly a1: string,
    private readonly logCall: (method: string) => void,
  ) {}

  setWarningOnly(warningOnly: boolean): this {
    this.logCall('setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
}

/** A rule the network made by hand (a colour on a column), to show Refresh keeps it. */
export function handMadeRule(formula: string, range: string): FakeConditionalRule {
  return {
    formula,
    background: '#cfe2f3',
    ranges: [range],
    getBooleanCondition: () => ({ getCriteriaValues: () => [formula] }),
  };
}

export class FakeChartBuilder {
  private type: unknown = null;
  private readonly ranges: string[] = [];
  private position: [number, number] = [1, 1];
  private readonly options = new Map<string, unknown>();

  addRange(range: object): this {
    this.ranges.push((range as { a1?: string | null }).a1 ?? '?');
    return this;
  }
  setChartType(type: unknown): this {
    this.type = type;
    return this;
  }
  setPosition(row: number, column: number): this {
    this.position = [row, column];
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.options.set(option, value);
    return this;
  }
  setNumHeaders(headers: number): this {
    this.options.set('numHeaders', headers);
    return this;
  }
  build(): FakeChart {
    const options = this.options;
    return {
      type: this.type,
      ranges: [...this.ranges],
      position: this.position,
      options,
      getOptions: () => ({ get: (o: string) => options.get(o) }),
    };
  }
}

/** SpreadsheetApp's builders and enums as the fakes need them; days in UTC. */
export function fakeBuilders(): SheetBuilders {
  return {
    newConditionalFormatRule() {
      const rule = { formula: '', background: '', ranges: [] as string[] };
      const builder = {
        whenFormulaSatisfied: (formula: string) => ((rule.formula = formula), builder),
        setBackground: (color: string) => ((rule.background = color), builder),
        setRanges: (ranges: { a1?: string | null }[]) => (
          (rule.ranges = ranges.map((r) => r.a1 ?? '?')),
          builder
        ),
        build: (): FakeConditionalRule => ({
          ...rule,
          getBooleanCondition: () => ({ getCriteriaValues: () => [rule.formula] }),
        }),
      };
      return builder as unknown as ReturnType<SheetBuilders['newConditionalFormatRule']>;
    },
    newDataValidation() {
      const rule = { list: [] as string[], allowInvalid: false };
      const builder = {
        requireValueInList: (values: string[]) => ((rule.list = values), builder),
        setAllowInvalid: (allow: boolean) => ((rule.allowInvalid = allow), builder),
        build: () => ({ ...rule }),
      };
      return builder as unknown as ReturnType<SheetBuilders['newDataValidation']>;
    },
    chartTypes: { column: 'COLUMN', line: 'LINE' },
    formatDay: (date) => date.toISOString().slice(0, 10),
  };
}
