using System.Globalization;
using Gate.Baselines.Keys;
using Gate.Core.Reporting;

namespace Gate.Baselines.Storage;

/// <summary>The table <c>benchgate baseline list</c> prints: one row per stored key.</summary>
public static class BaselineListing
{
    /// <summary>One row: a key, its stored baseline and its history length.</summary>
    public sealed record Row(BaselineKey Key, StoredBaseline? Baseline, int HistoryCount);

    /// <summary>Reads what the listing shows for every key of <paramref name="store"/>.</summary>
    public static async Task<IReadOnlyList<Row>> ReadAsync(IBaselineStore store, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var key in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var baseline = await store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            var history = await store.ReadHistoryAsync(key, cancellationToken).ConfigureAwait(false);
            rows.Add(new Row(key, baseline, history.Count));
        }
        return rows;
    }

    /// <summary>The table, or a one-line note when the store is empty.</summary>
    public static string Render(string storeName, IReadOnlyList<Row> rows)
    {
        if (rows.Count == 0)
        {
            return $"{storeName}: no baselines\n";
        }
        var table = new TextTable(["key", "repository", "branch", "backend", "environment", "benchmarks", "runs", "commit", "stored"]);
        foreach (var row in rows)
        {
            table.Add([
                row.Key.Id,
                row.Key.Repository,
                row.Key.Branch,
                row.Key.Backend,
                row.Key.Environment.ToString(),
                row.Baseline?.Results.Benchmarks.Count.ToString(CultureInfo.InvariantCulture) ?? "-",
                row.HistoryCount.ToString(CultureInfo.InvariantCulture),
                Short(row.Baseline?.Results.Environment.GitCommit),
                row.Baseline?.StoredUtc ?? "-",
            ]);
        }
        return storeName + "\n" + table.Render();
    }

    /// <summary>What <c>benchgate baseline show</c> prints: the key, where it came from, then the results table.</summary>
    public static string Show(StoredBaseline baseline, int historyCount)
    {
        var environment = baseline.Results.Environment;
        return $"baseline {baseline.Key.Id}: {baseline.Key}\n"
            + $"stored {baseline.StoredUtc}; commit {environment.GitCommit ?? "unknown"}; {historyCount} run(s) in history\n\n"
            + ResultsTable.Render(baseline.Results);
    }

    private static string Short(string? commit) => commit is null ? "-" : commit[..Math.Min(7, commit.Length)];
}
