using Gate.Core.IO;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>
/// The one check every host runs (<c>benchgate check</c>, <c>benchgate ab</c>, the GitHub Action, the pre-push hook,
/// the MSBuild task): measure the candidate (or read it) → find the reference (the stored baseline, or a revision
/// measured in the same job) → compare → locate what changed → write the report → publish. Expected outcomes are a
/// <see cref="CheckResult"/>; what remains is a <see cref="GateException"/> whose <see cref="GateErrorKind"/> says which
/// stage failed.
/// </summary>
public sealed class CheckSession(CheckServices services)
{
    /// <summary>Carries out <paramref name="request"/>.</summary>
    public async Task<CheckResult> RunAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        CheckRequestIsCoherent(request);
        if (request.Report is { } report)
        {
            Stage(GateErrorKind.Report, () => AtomicFile.EnsureWritable(report.Path, report.ShownAs));
        }
        if (request.SaveResults is { } save)
        {
            Stage(GateErrorKind.Report, () => PrepareSaveDirectory(save.Path, save.ShownAs));
        }
        var (sides, missing) = await SidesAsync(request, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            var none = new CheckResult(CheckStatus.NoComparableBaseline, sides.New) { Missing = missing };
            await PublishAsync(none, request, cancellationToken).ConfigureAwait(false);
            return none;
        }

        var compared = request.OnlyMeasuredPackages ? sides.RestrictedToCandidate() : sides;
        var outcome = GateCheck.Evaluate(compared, request.Settings.Compare, request.Settings.FailOn);
        var sources = await BenchmarkSources.LocateAsync(outcome, request.Settings.Measure.Directory, services, cancellationToken).ConfigureAwait(false);
        var result = new CheckResult(outcome.Fails ? CheckStatus.Regressed : CheckStatus.Passed, sides.New)
        {
            Comparison = outcome,
            Sources = sources,
            Regressions = [.. outcome.Report.Comparisons.Where(c => c.Verdict == Verdict.Regression).Select(c => new LocatedRegression(c, BenchmarkSources.Of(sources, c.Package, c.Benchmark)))],
            ReportPath = request.Report?.Path,
        };
        if (request.Report is { } file)
        {
            Stage(GateErrorKind.Report, () => AtomicFile.WriteAllText(file.Path, CheckReport.Render(outcome, request.GateName, file.Format), file.ShownAs));
        }
        await PublishAsync(result, request, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Combinations a request cannot have, refused before anything runs.</summary>
    private static void CheckRequestIsCoherent(CheckRequest request)
    {
        var measuredTogether = request.Reference.MeasuredTogether;
        if (request.ResultsFile is not null && measuredTogether)
        {
            throw new GateException(GateErrorKind.Usage, "--from compares given results with the stored baseline, --against measures a revision: use one of them");
        }
        if (!measuredTogether)
        {
            Measuring.RequireFixedSamples(request.Settings);
        }
    }

    /// <summary>The candidate and its reference, or why there is no reference.</summary>
    private async Task<(CheckSides Sides, MissingBaseline? Missing)> SidesAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var scope = new MeasureScope(request.CommandLine) { Packages = request.Packages, Deadline = request.Deadline };
        if (request.Reference is CheckReference.RevisionReference revision)
        {
            var ab = await StageAsync(GateErrorKind.Measurement, () => Measuring.MeasureRevisionsAsync(settings.Measure, scope, revision.Base, revision.Head, settings.Compare, services, cancellationToken)).ConfigureAwait(false);
            if (request.SaveResults is { } save)
            {
                Stage(GateErrorKind.Report, () => SaveBoth(save.Path, ab));
            }
            return (new CheckSides(ab.Head, ab.Base, ab.BaseRevision.Describe()) { Notes = ab.Notes() }, null);
        }

        var opener = services.OpenStore ?? throw new InvalidOperationException("this host cannot open baseline stores");
        var catalog = Stage(GateErrorKind.Store, () => opener(settings.Store, services.BaseDirectory));
        var candidate = request.ResultsFile is { } from
            ? Stage(GateErrorKind.Usage, () => ResultsJson.ReadFile(from.Path, from.ShownAs))
            : await StageAsync(GateErrorKind.Measurement, () => Measuring.MeasureAsync(settings.Measure, scope, services, cancellationToken)).ConfigureAwait(false);
        var configured = settings.Compare.Thresholds as Thresholds ?? Thresholds.Default;
        var found = await StageAsync(GateErrorKind.Store, () => catalog.FindAsync(candidate, settings.Repository, settings.BaselineBranch, configured, settings.Measure.Directory, cancellationToken)).ConfigureAwait(false);
        return found.Sides is { Old: not null } sides
            ? (sides, null)
            : (new CheckSides(candidate, null, found.Missing?.Explanation ?? "no baseline"), found.Missing ?? new MissingBaseline("no baseline", null, []));
    }

    private async Task PublishAsync(CheckResult result, CheckRequest request, CancellationToken cancellationToken)
    {
        if (request.Publish is { } wishes && services.Publisher is { } publisher)
        {
            await publisher.PublishAsync(result, wishes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the directory for both sides' results, before anything is measured.</summary>
    private static void PrepareSaveDirectory(string directory, string shownAs)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"--save-results {shownAs}: cannot create the directory ({e.Message})");
        }
        AtomicFile.EnsureWritable(Path.Combine(directory, "base.json"), Path.Combine(shownAs, "base.json"));
    }

    /// <summary>Writes both sides' results (each with its own gitCommit) into <paramref name="directory"/>.</summary>
    private static void SaveBoth(string directory, AbResults ab)
    {
        ResultsJson.WriteFile(Path.Combine(directory, "base.json"), ab.Base);
        ResultsJson.WriteFile(Path.Combine(directory, "head.json"), ab.Head);
    }

    /// <summary>Runs a stage; its unclassified errors get the stage's kind.</summary>
    private static T Stage<T>(GateErrorKind kind, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (GateException e)
        {
            throw e.Classified(kind);
        }
    }

    private static void Stage(GateErrorKind kind, Action body) => Stage(kind, () =>
    {
        body();
        return 0;
    });

    private static async Task<T> StageAsync<T>(GateErrorKind kind, Func<Task<T>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (GateException e)
        {
            throw e.Classified(kind);
        }
    }
}
