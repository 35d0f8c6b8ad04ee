namespace Gate.Tool.Tests;

/// <summary>
/// Tests whose verdicts rest on wall time run alone: xunit runs this collection after the parallel ones, so that
/// no other test of the assembly (valgrind, go builds) loads the machine while they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
