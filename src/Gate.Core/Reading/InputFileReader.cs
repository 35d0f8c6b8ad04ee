using Gate.Core.GoBench;
using Gate.Core.IO;
using Gate.Core.Results;

namespace Gate.Core.Reading;

/// <summary>Reads one input file of a comparison: BenchGate results JSON or Go benchmark text, told apart by content.</summary>
public static class InputFileReader
{
    /// <summary>
    /// The results of <paramref name="path"/>, or its problems: missing or unreadable, not valid results JSON, bad
    /// lines of Go benchmark text, environments mixed in one file, no benchmark results in it.
    /// </summary>
    public static InputReading Read(string path)
    {
        string text;
        try
        {
            text = FileText.Read(path);
        }
        catch (GateException e)
        {
            return InputReading.Failed(path, e.Message);
        }
        var reading = ResultsJson.LooksLikeJson(text) ? ReadJson(text, path) : GoTextResults.Of(GoBenchReader.ReadText(text, path));
        if (reading.Results is { } results && (results.Benchmarks.Count == 0 || results.Benchmarks.All(b => b.Samples.Count == 0)))
        {
            return InputReading.Failed(path, $"{path}: no benchmark results in it");
        }
        return reading;
    }

    private static InputReading ReadJson(string text, string path)
    {
        try
        {
            return InputReading.Of(ResultsJson.Parse(text, path));
        }
        catch (GateException e)
        {
            return InputReading.Failed(path, e.Message);
        }
    }
}
