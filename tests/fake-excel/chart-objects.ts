/**
 * Charts of the fake Excel host. Strict where Excel is: an unknown chart type or series orientation is refused,
 * a series or point beyond what the source data holds does not exist, and a protected sheet takes no new chart.
 */
import {
  HostError,
  HostObject,
  KeyedCollection,
  invalidArgument,
  requireBoolean,
  requireColor,
  requireNumber,
  requireOneOf,
  requireString,
} from "./host-object";
import { RangeObject } from "./range-objects";
import type { FakeWorkbook } from "./server";
import { type ChartState, type SheetState, newId, parseAddress } from "./state";

const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
];
const SERIES_BY = ["Auto", "Columns", "Rows"];
const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"];

/** Labels in the first row and column: the other dimension counts the series, this one the points. */
function seriesCount(chart: ChartState): number {
  return chart.seriesBy === "Rows" ? chart.source.rows - 1 : chart.source.cols - 1;
}

function pointCount(chart: ChartState): number {
  return chart.seriesBy === "Rows" ? chart.source.cols - 1 : chart.source.rows - 1;
}

export class ChartCollectionObject extends KeyedCollection<ChartState> {
  readonly typeName = "ChartCollection";
  protected readonly noun = "chart";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
  ) {
    super(host);
  }

  protected list(): ChartState[] {
    return this.host.alive(this.sheet).charts;
  }

  protected wrap(chart: ChartState): HostObject {
    return new ChartObject(this.host, this.sheet, chart);
  }

  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "Add": {
        const type = requireOneOf(args[0], CHART_TYPES, "chart type");
        const seriesBy = args[2] === undefined || args[2] === null ? "Auto" : requireOneOf(args[2], SERIES_BY, "seriesBy");
        const source = args[1];
        if (!(source instanceof RangeObject)) throw invalidArgument("A chart's source data is a range");
        const sheet = this.host.alive(this.sheet);
        if (sheet.protected) throw new HostError("AccessDenied", "A chart cannot be added to a protected sheet.");
        if (source.sheet !== sheet) throw invalidArgument("The source data is on another sheet");
        const rect = source.rect;
        const resolved = seriesBy === "Auto" ? (rect.rows >= rect.cols ? "Columns" : "Rows") : seriesBy;
        const names = new Set(sheet.charts.map((chart) => chart.name));
        let index = 1;
        while (names.has(`Graphique ${index}`)) index++;
        const chart: ChartState = {
          id: newId(),
          name: `Graphique ${index}`,
          type,
          source: rect,
          seriesBy: resolved,
          legend: { visible: true },
          seriesFills: {},
          pointFills: {},
          seriesLineColors: {},
        };
        sheet.charts.push(chart);
        return new ChartObject(this.host, this.sheet, chart);
      }
      default:
        return super.call(name, args);
    }
  }
}

class ChartObject extends HostObject {
  readonly typeName = "Chart";

  constructor(
    host: FakeWorkbook,
    private readonly sheet: SheetState,
    private readonly chart: ChartState,
  ) {
    super(host);
  }

  override identity(): Record<string, unknown> {
    return { Id: this.chart.id };
  }

  override scalars(): string[] {
    return ["Id", "Name"];
  }

  alive(): ChartState {
    const sheet = this.host.alive(this.sheet);
    if (!sheet.charts.includes(this.chart)) throw new HostError("ItemNotFound", `The chart ${this.chart.name} no longer exists.`);
    return this.chart;
  }

  override get(name: string): unknown {
    const chart = this.alive();
    if (name === "Name") return chart.name;
    if (name === "Id") return chart.id;
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    const chart = this.alive();
    if (name === "Name") {
      chart.name = requireString(value, "chart name");
      return;
    }
    super.set(name, value);
  }

  override navigate(name: string): HostObject {
    const chart = () => this.alive();
    switch (name) {
      case "Title":
        return leaf(this.host, "ChartTitle", { Text: (value) => (chart().title = requireString(value, "title.text")) });
      case "Legend":
        return leaf(this.host, "ChartLegend", {
          Visible: (value) => (chart().legend.visible = requireBoolean(value, "legend.visible")),
          Position: (value) => (chart().legend.position = requireOneOf(value, LEGEND_POSITIONS, "legend.position")),
        });
      case "Series":
        return new SeriesCollectionObject(this.host, chart);
      default:
        return super.navigate(name);
    }
  }

  override call(name: string, args: unknown[]): unknown {
    const chart = this.alive();
    switch (name) {
      case "SetPosition": {
        const rectOf = (cell: unknown) => {
          if (cell instanceof RangeObject) return cell.rect;
          const rect = parseAddress(requireString(cell, "chart position"));
          if (!rect) throw invalidArgument(`Invalid address ${String(cell)}`);
          return rect;
        };
        const start = rectOf(args[0]);
        chart.position = { start, end: args[1] === undefined || args[1] === null ? start : rectOf(args[1]) };
        return undefined;
      }
      case "Delete": {
        const sheet = this.host.alive(this.sheet);
        if (sheet.protected) throw new HostError("AccessDenied", "A chart on a protected sheet cannot be deleted.");
        sheet.charts = sheet.charts.filter((candidate) => candidate !== chart);
        return undefined;
      }
      default:
        return super.call(name, args);
    }
  }
}

function leaf(
  host: FakeWorkbook,
  typeName: string,
  setters: Record<string, (value: unknown) => void>,
  methods: Record<string, (args: unknown[]) => void> = {},
): HostObject {
  return new (class extends HostObject {
    readonly typeName = typeName;
    override set(name: string, value: unknown): void {
      const set = setters[name];
      if (!set) return super.set(name, value);
      set(value);
    }
    override call(name: string, args: unknown[]): unknown {
      const method = methods[name];
      if (!method) return super.call(name, args);
      method(args);
      return undefined;
    }
  })(host);
}

function navigator(host: FakeWorkbook, typeName: string, children: Record<string, () => HostObject>): HostObject {
  return new (class extends HostObject {
    readonly typeName = typeName;
    override navigate(name: string): HostObject {
      const child = children[name];
      return child ? child() : super.navigate(name);
    }
  })(host);
}

class SeriesCollectionObject extends HostObject {
  readonly typeName = "ChartSeriesCollection";
  override readonly isCollection = true;

  constructor(
    host: FakeWorkbook,
    private readonly chart: () => ChartState,
  ) {
    super(host);
  }

  override call(name: string, args: unknown[]): unknown {
    if (name === "GetCount") return seriesCount(this.chart());
    if (name !== "GetItemAt") return super.call(name, args);
    const index = requireNumber(args[0], "series index");
    const chart = this.chart;
    const series = () => {
      const state = chart();
      if (index < 0 || index >= seriesCount(state)) throw new HostError("ItemNotFound", `The chart has no series ${index}.`);
      return state;
    };
    series();
    const fill = leaf(this.host, "ChartFill", {}, { SetSolidColor: (colorArgs) => (series().seriesFills[index] = requireColor(colorArgs[0], "fill color")) });
    const line = leaf(this.host, "ChartLineFormat", { Color: (value) => (series().seriesLineColors[index] = requireColor(value, "line.color")) });
    const host = this.host;
    const points = new (class extends HostObject {
      readonly typeName = "ChartPointsCollection";
      override readonly isCollection = true;
      override call(method: string, pointArgs: unknown[]): unknown {
        if (method !== "GetItemAt") return super.call(method, pointArgs);
        const point = requireNumber(pointArgs[0], "point index");
        if (point < 0 || point >= pointCount(series())) throw new HostError("ItemNotFound", `The series has no point ${point}.`);
        const pointFill = leaf(
          host,
          "ChartFill",
          {},
          { SetSolidColor: (colorArgs) => (series().pointFills[point] = requireColor(colorArgs[0], "fill color")) },
        );
        return navigator(host, "ChartPoint", { Format: () => navigator(host, "ChartPointFormat", { Fill: () => pointFill }) });
      }
    })(this.host);
    return navigator(this.host, "ChartSeries", {
      Format: () => navigator(this.host, "ChartSeriesFormat", { Fill: () => fill, Line: () => line }),
      Points: () => points,
    });
  }
}
