namespace Gate.Core.Results;

/// <summary>
/// Joins results measured in several CI jobs (shards) into one. Refuses, with a message naming the files, shards of
/// different environments (GOOS/GOARCH, CPU, Go version, backend, cache model), of different revisions, with a
/// benchmark measured twice, or an incomplete set of <c>I/N</c> shards.
/// </summary>
public static class ResultsMerger
{
    /// <summary>The merged results; the environment is the first file's, without shard and with the merge's command line.</summary>
    public static RunResults Merge(IReadOnlyList<(string Path, RunResults Results)> inputs, IReadOnlyList<string> commandLine)
    {
        if (inputs.Count == 0)
        {
            throw new GateException("merge needs at least one results file");
        }
        var (firstPath, first) = inputs[0];
        foreach (var (path, results) in inputs.Skip(1))
        {
            var difference = Difference(first.Environment, results.Environment);
            if (difference is not null)
            {
                throw new GateException($"cannot merge {path} with {firstPath}: different {difference}");
            }
        }
        CheckShards(inputs);

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var benchmarks = new List<BenchmarkResult>();
        foreach (var (path, results) in inputs)
        {
            foreach (var benchmark in results.Benchmarks)
            {
                var key = benchmark.Key + "-" + benchmark.Procs;
                if (seen.TryGetValue(key, out var other))
                {
                    throw new GateException($"cannot merge: {benchmark.Name} ({benchmark.Package}) is in both {other} and {path}");
                }
                seen[key] = path;
                benchmarks.Add(benchmark);
            }
        }
        var environment = first.Environment with { CommandLine = commandLine, Shard = null };
        return first with
        {
            Environment = environment,
            Benchmarks = benchmarks,
            Failures = [.. inputs.SelectMany(i => i.Results.Failures)],
            Canary = CanaryRecord.Pool([.. inputs.Select(i => i.Results.Canary)]),
        };
    }

    /// <summary>The first property that makes two environments unmergeable, or null.</summary>
    private static string? Difference(RunEnvironment a, RunEnvironment b)
    {
        (string Name, string? A, string? B)[] properties =
        [
            ("GOOS", a.Goos, b.Goos),
            ("GOARCH", a.Goarch, b.Goarch),
            ("CPU", a.Cpu, b.Cpu),
            ("Go version", a.GoVersion, b.GoVersion),
            ("backend", a.Backend, b.Backend),
            ("cache model", a.CacheModel, b.CacheModel),
            ("revision (git commit)", a.GitCommit, b.GitCommit),
            ("module", a.Module, b.Module),
        ];
        foreach (var (name, x, y) in properties)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                return $"{name}: '{x ?? "unknown"}' vs '{y ?? "unknown"}'";
            }
        }
        return null;
    }

    private static void CheckShards(IReadOnlyList<(string Path, RunResults Results)> inputs)
    {
        var shards = inputs.Where(i => i.Results.Environment.Shard is not null)
            .Select(i => (i.Path, Shard: Shard.Parse(i.Results.Environment.Shard!)))
            .ToList();
        if (shards.Count == 0)
        {
            return;
        }
        if (shards.Count != inputs.Count)
        {
            var whole = inputs.First(i => i.Results.Environment.Shard is null).Path;
            throw new GateException($"cannot merge: {whole} is a whole run, the others are shards");
        }
        var counts = shards.Select(s => s.Shard.Count).Distinct().ToList();
        if (counts.Count > 1)
        {
            throw new GateException($"cannot merge: the files are shards of different splits ({string.Join(", ", shards.Select(s => $"{s.Path} is {s.Shard}"))})");
        }
        var duplicate = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new GateException($"cannot merge: shard {duplicate.First().Shard} appears twice ({string.Join(", ", duplicate.Select(s => s.Path))})");
        }
        var missing = Enumerable.Range(1, counts[0]).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new GateException($"cannot merge: shard {string.Join(", ", missing.Select(m => $"{m}/{counts[0]}"))} missing");
        }
    }
}
