using Gate.Core.GoBench;
using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Reading;

/// <summary>Go benchmark text as results: metrics of Go's own source, environment from its configuration lines.</summary>
public static class GoTextResults
{
    /// <summary>
    /// The results of <paramref name="file"/>; its bad lines are problems (one per line), and so is each
    /// configuration key that takes two values in one file (it mixes environments).
    /// </summary>
    public static InputReading Of(GoBenchFile file)
    {
        if (file.Errors.Count > 0)
        {
            return InputReading.Failed([.. file.Errors.Select(e => new InputProblem(e.File, e.Line, e.ToString()))]);
        }
        var problems = new List<InputProblem>();
        string? Only(string key)
        {
            var values = file.Results.Select(r => r.Config.Get(key)).Where(v => v is not null).Distinct().ToList();
            if (values.Count > 1)
            {
                problems.Add(new InputProblem(file.Path, null, $"{file.Path}: the file mixes environments ({key}: {values[0]} and {values[1]})"));
            }
            return values.Count == 1 ? values[0] : null;
        }
        var environment = new RunEnvironment(Only("goos") ?? "", Only("goarch") ?? "", "", [], Cpu: Only("cpu"));
        return problems.Count > 0
            ? InputReading.Failed(problems)
            : InputReading.Of(new RunResults(null, RunResults.CurrentSchemaVersion, environment, GoMetrics.Group(file.Results), []));
    }
}
