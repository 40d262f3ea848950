/**
 * Charts of the fake Excel host. Strict where Excel is: an unknown chart type or series orientation is refused,
 * a series or point beyond what the source data holds does not exist, and a protected sheet takes no new chart.
 */
import { type Context, FakeOfficeError, Loadable } from "./core";
import type { RangeProxy } from "./range-proxy";
import { type Rect, type SheetState, parseAddress } from "./state";

export interface ChartState {
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  legend: { visible: boolean; position?: string };
  position?: { start: Rect; end: Rect };
  /** Fill per series index (or per point index of series 0 for pie-like charts). */
  seriesFills: Record<number, string>;
  pointFills: Record<number, string>;
  seriesLineColors: Record<number, string>;
}

const CHART_TYPES = new Set(["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "Pie", "Doughnut", "Area", "XYScatter"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

let chartCounter = 0;

/** Labels in the first row and column: the other dimension counts the series, this one the points. */
function seriesCount(chart: ChartState): number {
  return chart.seriesBy === "Rows" ? chart.source.rows - 1 : chart.source.cols - 1;
}

function pointCount(chart: ChartState): number {
  return chart.seriesBy === "Rows" ? chart.source.cols - 1 : chart.source.rows - 1;
}

type ChartLocator = () => ChartState;

function chartOf(sheet: () => SheetState, id: () => string): ChartLocator {
  return () => {
    const chart = sheet().charts.find((candidate) => candidate.name === id());
    if (!chart) throw new FakeOfficeError("ItemNotFound", `No chart ${id()}`);
    return chart;
  };
}

export class ChartCollectionProxy extends Loadable {
  constructor(
    context: Context,
    private readonly sheet: () => SheetState,
  ) {
    super(context);
  }

  get items(): ChartProxy[] {
    return this.read("items");
  }

  protected override loadProperty(property: string): void {
    if (!property.startsWith("items")) return super.loadProperty(property);
    this.resolveAfterSync("items", () => {
      let charts: ChartState[] = [];
      try {
        charts = this.sheet().charts;
      } catch {
        charts = [];
      }
      return charts.map((chart) => new ChartProxy(this.context, this.sheet, chart.name).withLoaded("name", chart.name));
    });
  }

  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `Unknown chart type ${type}`);
    if (!SERIES_BY.has(seriesBy)) throw new FakeOfficeError("InvalidArgument", `Unknown seriesBy ${seriesBy}`);
    const name = `Graphique ${++chartCounter}`;
    this.context.queue({ op: "charts.add", type, seriesBy }, () => {
      const sheet = this.sheet();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "Cannot add a chart to a protected sheet");
      if (sourceData.sheet() !== sheet) throw new FakeOfficeError("InvalidArgument", "The source data is on another sheet");
      const source = sourceData.rect();
      const resolved = seriesBy === "Auto" ? (source.rows >= source.cols ? "Columns" : "Rows") : seriesBy;
      sheet.charts.push({ name, type, source, seriesBy: resolved, legend: { visible: true }, seriesFills: {}, pointFills: {}, seriesLineColors: {} });
    });
    return new ChartProxy(this.context, this.sheet, name);
  }
}

export class ChartProxy extends Loadable {
  readonly title: { text: string };
  readonly legend: { visible: boolean; position: string };
  readonly series: { getItemAt(index: number): SeriesProxy };
  private readonly chart: ChartLocator;

  constructor(
    context: Context,
    private readonly sheet: () => SheetState,
    private chartName: string,
  ) {
    super(context);
    this.chart = chartOf(sheet, () => this.chartName);
    const queueOn = (op: string, value: unknown, apply: (chart: ChartState) => void) => {
      const locate = this.currentLocator();
      context.queue({ op, value }, () => apply(locate()));
    };
    this.title = {
      set text(value: string) {
        queueOn("chart.title", value, (chart) => (chart.title = value));
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load chart titles");
      },
    };
    this.legend = {
      set visible(value: boolean) {
        queueOn("chart.legend.visible", value, (chart) => (chart.legend.visible = value));
      },
      get visible(): boolean {
        throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load legends");
      },
      set position(value: string) {
        if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(value)) throw new FakeOfficeError("InvalidArgument", `Unknown legend position ${value}`);
        queueOn("chart.legend.position", value, (chart) => (chart.legend.position = value));
      },
      get position(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load legends");
      },
    };
    this.series = { getItemAt: (index: number) => new SeriesProxy(context, this.currentLocator(), index) };
  }

  /** Operations queued before a rename must still find the chart by the name it had then. */
  private currentLocator(): ChartLocator {
    const name = this.chartName;
    return chartOf(this.sheet, () => name);
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    const locate = this.currentLocator();
    this.chartName = value;
    this.context.queue({ op: "chart.name", value }, () => {
      locate().name = value;
    });
  }

  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const locate = this.currentLocator();
    const rectOf = (cell: RangeProxy | string) => {
      if (typeof cell !== "string") return cell.rect();
      const rect = parseAddress(cell);
      if (!rect) throw new FakeOfficeError("InvalidArgument", `Invalid address ${cell}`);
      return rect;
    };
    this.context.queue({ op: "chart.setPosition" }, () => {
      const start = rectOf(startCell);
      locate().position = { start, end: endCell === undefined ? start : rectOf(endCell) };
    });
  }

  delete(): void {
    const locate = this.currentLocator();
    this.context.queue({ op: "chart.delete" }, () => {
      const chart = locate();
      const sheet = this.sheet();
      sheet.charts = sheet.charts.filter((candidate) => candidate !== chart);
    });
  }

  protected override loadProperty(property: string): void {
    if (property !== "name") return super.loadProperty(property);
    const locate = this.chart;
    this.resolveAfterSync("name", () => locate().name);
  }
}

class SeriesProxy {
  readonly format: { fill: { setSolidColor(color: string): void }; line: { color: string } };
  readonly points: { getItemAt(index: number): { format: { fill: { setSolidColor(color: string): void } } } };

  constructor(context: Context, chart: ChartLocator, index: number) {
    const series = () => {
      const state = chart();
      if (index < 0 || index >= seriesCount(state)) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${index}`);
      return state;
    };
    this.format = {
      fill: {
        setSolidColor: (color: string) => context.queue({ op: "series.fill", index, color }, () => (series().seriesFills[index] = color)),
      },
      line: {
        set color(value: string) {
          context.queue({ op: "series.line", index, value }, () => (series().seriesLineColors[index] = value));
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load series formats");
        },
      },
    };
    this.points = {
      getItemAt: (point: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              context.queue({ op: "point.fill", index, point, color }, () => {
                const state = series();
                if (point < 0 || point >= pointCount(state)) throw new FakeOfficeError("ItemNotFound", `The series has no point ${point}`);
                state.pointFills[point] = color;
              }),
          },
        },
      }),
    };
  }
}
