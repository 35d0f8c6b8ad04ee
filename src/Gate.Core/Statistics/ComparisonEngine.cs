using System.Globalization;
using Gate.Core.Metrics;
using Gate.Core.Pairing;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>
/// The comparison stage of the pipeline (read → measure → group → <b>compare</b> → render). Per (benchmark, metric):
/// <list type="number">
/// <item>Pair the benchmarks by package, name and GOMAXPROCS, and the metrics by name; a metric missing on one side,
/// from a different source, or runs from incompatible environments give <see cref="Verdict.Incomparable"/>.</item>
/// <item>Summarise each side: median with its confidence interval (benchstat's <c>±</c>).</item>
/// <item>Estimate the change: ratio of medians (benchstat's figure) and the Hodges–Lehmann shift with its interval.</item>
/// <item>Deterministic metrics (declared exact; discrete counts when every sample of each side is equal) are judged by
/// the practical threshold alone. Noisy ones get a Mann–Whitney p-value; too few samples to ever reach q gives
/// <see cref="Verdict.InsufficientData"/>.</item>
/// <item>Benjamini–Hochberg over all p-values of the run; significant (q-value ≤ q) and at least the threshold →
/// regression or improvement by the metric's better direction; otherwise unchanged.</item>
/// <item>When the machine-speed canary moved, wall-time metrics get <see cref="Verdict.EnvironmentChanged"/>.</item>
/// </list>
/// </summary>
public static class ComparisonEngine
{
    /// <summary>Compares two runs.</summary>
    public static ComparisonReport Compare(RunResults old, RunResults @new, CompareOptions? options = null)
    {
        options ??= new CompareOptions();
        var test = new MannWhitney();
        var environment = EnvironmentCheck.Of(old.Environment, @new.Environment);
        var thresholds = PricedThresholds.Wrap(options.Thresholds, old, options.Metrics);
        var canary = CanaryCheck.Of(old.Canary, @new.Canary, options.Canary, test);
        var needed = SamplesNeeded(options.Q);
        var intervals = new Dictionary<int, MedianInterval>();
        SampleSummary? Summarise(double[] sorted)
        {
            if (sorted.Length == 0)
            {
                return null;
            }
            if (!intervals.TryGetValue(sorted.Length, out var interval))
            {
                intervals[sorted.Length] = interval = MedianInterval.For(sorted.Length, options.Confidence);
            }
            return SampleSummary.Of(sorted, interval, options.Confidence);
        }

        var drafts = new List<Draft>();
        var newByKey = new Dictionary<(string, string, int), BenchmarkResult>();
        foreach (var benchmark in @new.Benchmarks)
        {
            newByKey.TryAdd((benchmark.Package, benchmark.Name, benchmark.Procs), benchmark);
        }
        var matched = new HashSet<(string, string, int)>();
        foreach (var oldBenchmark in old.Benchmarks)
        {
            var key = (oldBenchmark.Package, oldBenchmark.Name, oldBenchmark.Procs);
            newByKey.TryGetValue(key, out var newBenchmark);
            if (newBenchmark is not null)
            {
                matched.Add(key);
            }
            AddBenchmark(oldBenchmark, newBenchmark);
        }
        foreach (var newBenchmark in @new.Benchmarks)
        {
            if (!matched.Contains((newBenchmark.Package, newBenchmark.Name, newBenchmark.Procs)))
            {
                AddBenchmark(null, newBenchmark);
            }
        }

        // Benjamini–Hochberg over every p-value of the run. Comparisons whose samples are all one value carry no
        // information (no test is possible: p is 1 by convention) and are not counted as tests.
        var tested = drafts.Where(d => d.PValue is not null && d.Method != MannWhitneyMethod.AllEqual).ToList();
        var adjusted = BenjaminiHochberg.Adjust([.. tested.Select(d => d.PValue!.Value)]);
        for (var i = 0; i < tested.Count; i++)
        {
            tested[i].QValue = adjusted[i];
        }

        var comparisons = drafts
            .GroupBy(d => (d.Metric.Name, d.Metric.Source))
            .SelectMany(group => group)
            .Select(d => Decide(d, options, canary))
            .ToList();
        return new ComparisonReport(options, environment, canary, comparisons, Geomeans(comparisons));

        void AddBenchmark(BenchmarkResult? a, BenchmarkResult? b)
        {
            var any = (a ?? b)!;
            var metrics = new List<string>();
            foreach (var metric in (a?.Metrics ?? []).Concat(b?.Metrics ?? []))
            {
                if (!metrics.Contains(metric.Name))
                {
                    metrics.Add(metric.Name);
                }
            }
            foreach (var name in metrics)
            {
                var oldInfo = a?.Metrics.FirstOrDefault(m => m.Name == name);
                var newInfo = b?.Metrics.FirstOrDefault(m => m.Name == name);
                var oldValues = oldInfo is null ? [] : a!.ValuesOf(name);
                var newValues = newInfo is null ? [] : b!.ValuesOf(name);
                Array.Sort(oldValues);
                Array.Sort(newValues);
                var info = newInfo ?? oldInfo!;
                var declaration = options.Metrics.Of(info);
                var draft = new Draft(any.Package, any.Name, any.Procs, info, declaration, thresholds.For(new ThresholdKey(any.Package, any.Name, declaration)))
                {
                    Old = Summarise(oldValues),
                    New = Summarise(newValues),
                };
                drafts.Add(draft);
                if (draft.Old is null || draft.New is null)
                {
                    var side = a is null ? "only in new" : b is null ? "only in old" : draft.Old is null ? "missing in old" : "missing in new";
                    draft.Incomparable(side);
                    continue;
                }
                draft.Change = ChangeEstimate.Of(oldValues, newValues, test, options.Confidence);
                if (oldInfo!.Source != newInfo!.Source)
                {
                    draft.Incomparable($"sources differ: {oldInfo.Source.Name()} vs {newInfo.Source.Name()}");
                    continue;
                }
                if (!environment.Compatible)
                {
                    draft.Incomparable("environments differ: " + string.Join("; ", environment.Mismatches));
                    continue;
                }
                draft.Deterministic = declaration.Nature == MetricNature.Exact
                    || (declaration.Nature == MetricNature.Discrete && draft.Old.AllEqual && draft.New.AllEqual);
                if (draft.Deterministic)
                {
                    continue;
                }
                if (MannWhitney.MinimumPValue(oldValues.Length, newValues.Length) > options.Q)
                {
                    draft.Insufficient($"need at least {needed} samples per side to detect a change at q={Format(options.Q)} (have {oldValues.Length} and {newValues.Length})");
                    continue;
                }
                var result = test.Test(oldValues, newValues);
                draft.PValue = result.PValue;
                draft.Method = result.Method;
                if (result.Method == MannWhitneyMethod.AllEqual)
                {
                    draft.Warnings.Add("all samples are equal");
                }
            }
        }
    }

    /// <summary>The smallest equal sample size per side at which a Mann–Whitney test can reach <paramref name="q"/>.</summary>
    public static int SamplesNeeded(double q)
    {
        var n = 1;
        while (n < 100 && MannWhitney.MinimumPValue(n, n) > q)
        {
            n++;
        }
        return n;
    }

    private static MetricComparison Decide(Draft d, CompareOptions options, CanaryCheck canary)
    {
        var verdict = d.Verdict;
        var reason = d.Reason;
        if (verdict is null)
        {
            var oldMedian = d.Old!.Median;
            var newMedian = d.New!.Median;
            var relevant = d.Threshold.IsMetBy(oldMedian, newMedian);
            var worse = d.Metric.Better == Better.Lower ? newMedian > oldMedian : newMedian < oldMedian;
            var significant = d.Deterministic || d.QValue <= options.Q;
            if (!significant)
            {
                verdict = Verdict.Unchanged;
                reason = d.Method == MannWhitneyMethod.AllEqual ? "all samples are equal" : $"not significant (q={Format(d.QValue ?? 1)})";
            }
            else if (!relevant)
            {
                verdict = Verdict.Unchanged;
                reason = newMedian == oldMedian ? "no change" : $"below threshold {d.Threshold}";
            }
            else
            {
                verdict = worse ? Verdict.Regression : Verdict.Improvement;
                reason = d.Deterministic ? $"deterministic, beyond threshold {d.Threshold}" : $"significant (q={Format(d.QValue!.Value)}), beyond threshold {d.Threshold}";
            }
            if (canary.SpeedChanged && d.Declaration.DependsOnMachineSpeed)
            {
                reason = $"machine speed changed (would be {verdict.Value.Name()}: {reason})";
                verdict = Verdict.EnvironmentChanged;
            }
        }
        return new MetricComparison(d.Package, d.Benchmark, d.Procs, d.Metric, d.Old, d.New, d.Change, d.PValue, d.QValue, d.Method,
            d.Deterministic, d.Threshold, verdict.Value, reason, [.. d.Old?.Warnings ?? [], .. d.New?.Warnings ?? [], .. d.Warnings]);
    }

    private static List<GeomeanRow> Geomeans(List<MetricComparison> comparisons)
    {
        var rows = new List<GeomeanRow>();
        foreach (var group in comparisons.GroupBy(c => (c.Metric.Name, c.Metric.Source)))
        {
            var both = group.Where(c => c.Old is not null && c.New is not null).ToList();
            if (both.Count == 0)
            {
                continue;
            }
            var metric = both[0].Metric;
            if (both.Any(c => c.Old!.Median <= 0 || c.New!.Median <= 0))
            {
                rows.Add(new GeomeanRow(metric, null, null, null, both.Count, "summaries must be >0 to compute geomean"));
                continue;
            }
            var logOld = 0.0;
            var logNew = 0.0;
            foreach (var c in both)
            {
                logOld += Math.Log(c.Old!.Median);
                logNew += Math.Log(c.New!.Median);
            }
            var geoOld = Math.Exp(logOld / both.Count);
            var geoNew = Math.Exp(logNew / both.Count);
            rows.Add(new GeomeanRow(metric, geoOld, geoNew, geoNew / geoOld - 1, both.Count, null));
        }
        return rows;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A comparison being built: mutable only inside one <see cref="Compare"/> call.</summary>
    private sealed class Draft(string package, string benchmark, int procs, MetricInfo metric, MetricDeclaration declaration, Threshold threshold)
    {
        public string Package { get; } = package;
        public string Benchmark { get; } = benchmark;
        public int Procs { get; } = procs;
        public MetricInfo Metric { get; } = metric;
        public MetricDeclaration Declaration { get; } = declaration;
        public Threshold Threshold { get; } = threshold;
        public SampleSummary? Old { get; init; }
        public SampleSummary? New { get; init; }
        public ChangeEstimate? Change { get; set; }
        public double? PValue { get; set; }
        public double? QValue { get; set; }
        public MannWhitneyMethod? Method { get; set; }
        public bool Deterministic { get; set; }
        public Verdict? Verdict { get; private set; }
        public string Reason { get; private set; } = "";
        public List<string> Warnings { get; } = [];

        public void Incomparable(string reason) => (Verdict, Reason) = (Statistics.Verdict.Incomparable, reason);

        public void Insufficient(string reason) => (Verdict, Reason) = (Statistics.Verdict.InsufficientData, reason);
    }
}
