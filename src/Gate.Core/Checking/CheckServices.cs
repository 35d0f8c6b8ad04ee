using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Running.Canary;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>What a check tells its host while it runs: progress, and one-line notes worth a warning.</summary>
public interface ICheckObserver : IProgress<RunProgress>
{
    /// <summary>A one-line note (counters this machine cannot count, flagged samples); may be called from several threads.</summary>
    void Warn(string line);

    /// <summary>Measuring has ended: an in-place progress line can be closed.</summary>
    void MeasuringFinished();
}

/// <summary>An observer that drops everything.</summary>
public sealed class SilentObserver : ICheckObserver
{
    /// <summary>The one instance.</summary>
    public static SilentObserver Instance { get; } = new();

    /// <inheritdoc />
    public void Report(RunProgress value)
    {
    }

    /// <inheritdoc />
    public void Warn(string line)
    {
    }

    /// <inheritdoc />
    public void MeasuringFinished()
    {
    }
}

/// <summary>What a stored-baseline look-up found: the sides to compare, or why there is no baseline to compare with.</summary>
/// <param name="Sides">The candidate and its baseline (with the thresholds the baseline's history gives), when one fits.</param>
/// <param name="Missing">Why none fits, when none does.</param>
public sealed record BaselineFind(CheckSides? Sides, MissingBaseline? Missing);

/// <summary>The baselines of one store, as a check needs them (implemented by the Baselines project).</summary>
public interface IBaselineCatalog
{
    /// <summary>
    /// The baseline for <paramref name="candidate"/> on <paramref name="branch"/> of <paramref name="repository"/>
    /// (null: detect it from the candidate's directory and the environment), with <paramref name="configured"/>
    /// thresholds as the fallback of the history's; a store that cannot be read is a <see cref="GateException"/>.
    /// </summary>
    Task<BaselineFind> FindAsync(RunResults candidate, string? repository, string branch, Thresholds configured, string directory, CancellationToken cancellationToken);
}

/// <summary>Opens the store a user names (<c>dir:PATH</c>, <c>nuget:SOURCE</c>) relative to <paramref name="baseDirectory"/>.</summary>
public delegate IBaselineCatalog BaselineStoreOpener(string store, string baseDirectory);

/// <summary>Publishes a check's outcome (the tool's GitHub publisher: job summary, sticky comment, annotations, check run).</summary>
public interface ICheckPublisher
{
    /// <summary>Publishes <paramref name="result"/> as <paramref name="wishes"/> ask; never throws for what it could not publish (it says so).</summary>
    Task PublishAsync(CheckResult result, PublishWishes wishes, CancellationToken cancellationToken);
}

/// <summary>What a check may touch outside itself: processes, environment variables, the stores, the publisher, its host's output.</summary>
/// <param name="Processes">Starts go, valgrind, perf, git.</param>
/// <param name="Environment">Reads environment variables.</param>
/// <param name="BaseDirectory">Relative store paths are resolved against it (the working directory, the MSBuild project).</param>
public sealed record CheckServices(IProcessRunner Processes, Func<string, string?> Environment, string BaseDirectory)
{
    /// <summary>Opens baseline stores; null when the host cannot (then only revisions can be the reference).</summary>
    public BaselineStoreOpener? OpenStore { get; init; }

    /// <summary>Publishes the outcome; null publishes nothing.</summary>
    public ICheckPublisher? Publisher { get; init; }

    /// <summary>Progress and notes.</summary>
    public ICheckObserver Observer { get; init; } = SilentObserver.Instance;

    /// <summary>Makes the machine-speed canary of one measurement.</summary>
    public Func<IProcessRunner, ISpeedCanary> Canary { get; init; } = processes => new SpeedCanary(processes);
}
