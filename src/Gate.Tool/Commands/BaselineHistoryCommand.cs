using System.CommandLine;
using Gate.Baselines.History;
using Gate.Core;
using Gate.Core.IO;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate baseline history BENCHMARK [--metric M] [--chart FILE.svg]</c>: a benchmark's history per metric,
/// the shifts found in it (with the commit where each began) and its run-to-run noise.
/// </summary>
internal static class BaselineHistoryCommand
{
    public static Command Create(CliContext context)
    {
        var options = new BaselineOptions();
        var benchmark = new Argument<string>("benchmark") { Description = "Benchmark name (BenchmarkX/sub) or 'PACKAGE NAME'" };
        var metric = new Option<string?>("--metric") { Description = "Only this metric (for example sec/op); then every run is listed" };
        var chart = new Option<string?>("--chart") { Description = "Write an SVG chart of the metric's history, shifts marked (needs --metric when the benchmark has several)" };
        var command = new Command("history", "Show a benchmark's history and the shifts in it") { benchmark, metric, chart };
        options.AddTo(command, keyFilters: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chartPath = parse.GetValue(chart) is { } given ? context.Resolve(given) : null;
            if (chartPath is not null)
            {
                AtomicFile.EnsureWritable(chartPath);
            }
            var store = options.OpenStore(parse, context);
            var key = options.Selection(parse).Single(await store.ListAsync(cancellationToken).ConfigureAwait(false), store.Name);
            var history = await store.ReadHistoryAsync(key, cancellationToken).ConfigureAwait(false);
            var benchmarkKey = HistoryReport.ResolveBenchmark(history, parse.GetValue(benchmark)!);
            var available = HistoryReport.MetricsOf(history, benchmarkKey);
            IReadOnlyList<string> metrics = parse.GetValue(metric) is { } one
                ? available.Contains(one) ? [one] : throw new GateException($"{benchmarkKey} has no metric '{one}' in this history; it has: {string.Join(", ", available)}")
                : available;
            var analysed = metrics.Select(m => MetricHistory.Analyse(history, benchmarkKey, m)).ToList();
            await context.Out.WriteAsync(HistoryReport.Render(key, benchmarkKey, analysed, listRuns: metrics.Count == 1)).ConfigureAwait(false);
            if (chartPath is not null)
            {
                if (analysed.Count != 1)
                {
                    throw new GateException($"--chart draws one metric; choose it with --metric ({string.Join(", ", available)})");
                }
                AtomicFile.WriteAllText(chartPath, HistoryChart.Svg(analysed[0].Series, analysed[0].Shifts));
                await context.Err.WriteLineAsync($"benchgate: wrote the chart to {parse.GetValue(chart)}").ConfigureAwait(false);
            }
            return (int)ExitCodes.Success;
        });
        return command;
    }
}
