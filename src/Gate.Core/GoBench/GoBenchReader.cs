using System.Globalization;

namespace Gate.Core.GoBench;

/// <summary>Options of <see cref="GoBenchReader"/>.</summary>
/// <param name="KnownProcs">
/// GOMAXPROCS of the run when the caller knows it. <c>go test</c> appends <c>-P</c> only when P is not 1,
/// so a name such as <c>BenchmarkX/n-10</c> is ambiguous; with a known P only a <c>-P</c> suffix is taken
/// as GOMAXPROCS. Null reads any trailing <c>-digits</c> as GOMAXPROCS, as benchstat does.
/// </param>
public sealed record GoBenchReadOptions(int? KnownProcs = null);

/// <summary>
/// Reads the Go benchmark format (golang.org/design/14313-benchmark-format): configuration lines
/// <c>key: value</c> that apply to the results after them, result lines
/// <c>BenchmarkName-P N value unit [value unit...]</c>, and everything else skipped as noise.
/// <c>ns/op</c> is read as <c>sec/op</c> (value / 1e9), as benchstat does.
/// A malformed line becomes a <see cref="SyntaxError"/> with its line number; reading never throws on content.
/// </summary>
public static class GoBenchReader
{
    private const int DetailLines = 6;

    /// <summary>Reads a file; IO errors (missing, unreadable) are the caller's to report.</summary>
    public static GoBenchFile ReadFile(string path, GoBenchReadOptions? options = null)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, options);
    }

    /// <summary>Reads Go benchmark text from a string.</summary>
    public static GoBenchFile ReadText(string text, string path = "<text>", GoBenchReadOptions? options = null)
    {
        using var reader = new StringReader(text);
        return Read(reader, path, options);
    }

    /// <summary>Reads Go benchmark text.</summary>
    public static GoBenchFile Read(TextReader reader, string path, GoBenchReadOptions? options = null)
    {
        options ??= new GoBenchReadOptions();
        var results = new List<GoBenchResult>();
        var errors = new List<SyntaxError>();
        var failures = new List<GoBenchFailure>();
        var config = GoBenchConfig.Empty;
        var lines = new LineBuffer(reader);

        while (lines.Next() is { } line)
        {
            var number = lines.Number;
            if (line.Length == 0)
            {
                continue;
            }
            if (IsBenchmarkName(line))
            {
                ReadResultLine(line, number);
                continue;
            }
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("--- FAIL:", StringComparison.Ordinal) || trimmed.StartsWith("--- SKIP:", StringComparison.Ordinal))
            {
                AddFailure(NameAfterMarker(trimmed), trimmed.StartsWith("--- FAIL:", StringComparison.Ordinal) ? GoBenchFailureKind.Failed : GoBenchFailureKind.Skipped, number, line);
                continue;
            }
            if (line.StartsWith("panic:", StringComparison.Ordinal))
            {
                AddFailure(null, GoBenchFailureKind.Panicked, number, line);
                continue;
            }
            if (TryConfigLine(line, out var key, out var value))
            {
                config = config.With(key, value);
            }
            // Anything else (PASS, ok, FAIL, logs, stack traces) is noise.
        }
        return new GoBenchFile(path, results, errors, failures);

        void ReadResultLine(string line, int number)
        {
            var fields = Fields(line);
            var (name, procs) = SplitProcs(fields[0], options.KnownProcs);
            if (fields.Count == 1)
            {
                // A name alone: go test -v prints parent benchmarks this way; output interleaved with logs too.
                return;
            }
            if (fields[1] is "---" && fields.Count > 2 && fields[2] is "FAIL:" or "SKIP:")
            {
                AddFailure(name, fields[2] == "FAIL:" ? GoBenchFailureKind.Failed : GoBenchFailureKind.Skipped, number, line);
                return;
            }
            if (fields[1] == "panic:")
            {
                AddFailure(name, GoBenchFailureKind.Panicked, number, line);
                return;
            }
            if (!long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations <= 0)
            {
                errors.Add(new SyntaxError(path, number, $"{fields[0]}: iteration count '{fields[1]}' is not a positive integer"));
                return;
            }
            if (fields.Count == 2)
            {
                errors.Add(new SyntaxError(path, number, $"{fields[0]}: no value/unit pairs after the iteration count"));
                return;
            }
            if ((fields.Count - 2) % 2 != 0)
            {
                errors.Add(new SyntaxError(path, number, $"{fields[0]}: value '{fields[^1]}' has no unit"));
                return;
            }
            var values = new GoBenchValue[(fields.Count - 2) / 2];
            for (var i = 2; i < fields.Count; i += 2)
            {
                if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    errors.Add(new SyntaxError(path, number, $"{fields[0]}: '{fields[i]}' is not a finite number (unit {fields[i + 1]})"));
                    return;
                }
                var tidy = Tidy(value, fields[i + 1]);
                for (var j = 0; j < (i - 2) / 2; j++)
                {
                    if (values[j].Unit == tidy.Unit)
                    {
                        errors.Add(new SyntaxError(path, number, $"{fields[0]}: unit {fields[i + 1]} appears twice"));
                        return;
                    }
                }
                values[(i - 2) / 2] = tidy;
            }
            results.Add(new GoBenchResult(name, procs, iterations, values, config, number));
        }

        void AddFailure(string? name, GoBenchFailureKind kind, int number, string line)
        {
            var detail = new List<string> { line.Trim() };
            while (detail.Count < DetailLines && lines.Peek() is { Length: > 0 } next && (char.IsWhiteSpace(next[0]) || kind == GoBenchFailureKind.Panicked))
            {
                lines.Next();
                detail.Add(next.Trim());
            }
            if (kind == GoBenchFailureKind.Panicked && name is null)
            {
                name = BenchmarkInStack(lines);
            }
            failures.Add(new GoBenchFailure(name, kind, number, string.Join('\n', detail)));
        }
    }

    /// <summary>Reads <c>ns/op</c> as <c>sec/op</c>, as benchstat does; other units stay as written.</summary>
    public static GoBenchValue Tidy(double value, string unit) =>
        unit == "ns/op" ? new GoBenchValue(value / 1e9, "sec/op") : new GoBenchValue(value, unit);

    /// <summary>
    /// Splits <c>BenchmarkX/y-8</c> into the name and GOMAXPROCS (1 when there is no suffix).
    /// </summary>
    public static (string Name, int Procs) SplitProcs(string fullName, int? knownProcs = null)
    {
        var dash = fullName.LastIndexOf('-');
        if (dash <= 0 || dash == fullName.Length - 1)
        {
            return (fullName, 1);
        }
        var suffix = fullName.AsSpan(dash + 1);
        foreach (var c in suffix)
        {
            if (c is < '0' or > '9')
            {
                return (fullName, 1);
            }
        }
        if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var procs) || procs <= 0)
        {
            return (fullName, 1);
        }
        if (knownProcs is { } known && known != procs)
        {
            return (fullName, known);
        }
        return (fullName[..dash], procs);
    }

    /// <summary>A result line starts with "Benchmark" followed by end of word or a character that is not lower case.</summary>
    private static bool IsBenchmarkName(string line)
    {
        if (!line.StartsWith("Benchmark", StringComparison.Ordinal))
        {
            return false;
        }
        return line.Length == "Benchmark".Length || !char.IsLower(line["Benchmark".Length]);
    }

    /// <summary>
    /// A configuration line: a key that starts with a lower-case letter and has neither spaces nor upper-case
    /// letters, a colon, then spaces or tabs and the value (an empty value unsets the key).
    /// </summary>
    private static bool TryConfigLine(string line, out string key, out string value)
    {
        key = value = "";
        if (!char.IsLower(line[0]))
        {
            return false;
        }
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        for (var i = 0; i < colon; i++)
        {
            if (char.IsWhiteSpace(line[i]) || char.IsUpper(line[i]))
            {
                return false;
            }
        }
        if (colon + 1 < line.Length && line[colon + 1] is not (' ' or '\t'))
        {
            return false;
        }
        key = line[..colon];
        value = line[(colon + 1)..].Trim();
        return true;
    }

    private static string? NameAfterMarker(string trimmed)
    {
        var rest = trimmed["--- FAIL:".Length..].Trim();
        var end = rest.IndexOfAny([' ', '\t']);
        var name = end < 0 ? rest : rest[..end];
        return name.StartsWith("Benchmark", StringComparison.Ordinal) ? SplitProcs(name).Name : null;
    }

    /// <summary>Finds the benchmark function in a goroutine trace: the first frame named <c>pkg.BenchmarkX</c>.</summary>
    private static string? BenchmarkInStack(LineBuffer lines)
    {
        foreach (var frame in lines.Lookahead(200))
        {
            var at = frame.IndexOf(".Benchmark", StringComparison.Ordinal);
            if (at < 0 || char.IsWhiteSpace(frame[0]))
            {
                continue;
            }
            var start = at + 1;
            var end = start;
            while (end < frame.Length && (char.IsLetterOrDigit(frame[end]) || frame[end] == '_'))
            {
                end++;
            }
            return frame[start..end];
        }
        return null;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>(8);
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            if (i > start)
            {
                fields.Add(line[start..i]);
            }
        }
        return fields;
    }

    /// <summary>Lines of a reader with one-line lookahead and numbering.</summary>
    private sealed class LineBuffer(TextReader reader)
    {
        private readonly List<string> _ahead = [];

        public int Number { get; private set; }

        public string? Next()
        {
            string? line;
            if (_ahead.Count > 0)
            {
                line = _ahead[0];
                _ahead.RemoveAt(0);
            }
            else
            {
                line = reader.ReadLine();
            }
            if (line is not null)
            {
                Number++;
            }
            return line;
        }

        public string? Peek() => Lookahead(1).FirstOrDefault();

        public IEnumerable<string> Lookahead(int count)
        {
            while (_ahead.Count < count && reader.ReadLine() is { } line)
            {
                _ahead.Add(line);
            }
            return _ahead.Take(count).ToList();
        }
    }
}
