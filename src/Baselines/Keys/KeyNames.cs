using System.Globalization;
using System.Text;
using Gate.Core;

namespace Gate.Baselines.Keys;

/// <summary>
/// Checks the names that make up a key and turns them into file and package name parts that can never
/// leave the store: every character outside <c>[A-Za-z0-9._-]</c>, and a leading dot, is percent-encoded,
/// so a part is one path segment and never <c>.</c> or <c>..</c>.
/// </summary>
public static class KeyNames
{
    private const int MaxLength = 200;

    /// <summary>Checks a git branch name with git's own rules (check-ref-format) that matter for a store.</summary>
    public static void CheckBranch(string branch)
    {
        string? problem = branch switch
        {
            "" => "it is empty",
            _ when branch.Length > MaxLength => $"it is longer than {MaxLength} characters",
            _ when branch.Contains("..", StringComparison.Ordinal) => "it contains '..'",
            _ when branch.StartsWith('/') || branch.EndsWith('/') || branch.Contains("//", StringComparison.Ordinal) => "it starts or ends with '/' or has an empty component",
            _ when branch.StartsWith('-') => "it starts with '-'",
            _ when branch.Split('/').Any(part => part.StartsWith('.') || part.EndsWith(".lock", StringComparison.Ordinal)) => "a component starts with '.' or ends with '.lock'",
            _ when branch.EndsWith('.') || branch.Contains("@{", StringComparison.Ordinal) || branch == "@" => "it ends with '.' or contains '@{'",
            _ when branch.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\') => "it contains a space, a control character or one of ~^:?*[\\",
            _ => null,
        };
        if (problem is not null)
        {
            throw new GateException($"branch '{Printable(branch)}' is not a valid git branch name ({problem}); a baseline key must not be able to leave the store");
        }
    }

    /// <summary>Checks a repository name: <c>name</c> or <c>owner/name</c> (more levels for nested groups), plain characters only.</summary>
    public static void CheckRepository(string repository)
    {
        var segments = repository.Split('/');
        if (repository.Length == 0 || repository.Length > MaxLength
            || segments.Any(s => s.Length == 0 || s is "." or ".." || !s.All(IsPlain)))
        {
            throw new GateException($"repository '{Printable(repository)}' is not a valid repository name (expected owner/name with letters, digits, '.', '_' and '-')");
        }
    }

    /// <summary>Checks a backend name (lower-case letters, digits and '-').</summary>
    public static void CheckBackend(string backend)
    {
        if (backend.Length == 0 || backend.Length > 40 || !backend.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new GateException($"backend '{Printable(backend)}' is not a valid backend name");
        }
    }

    /// <summary>One safe path segment for <paramref name="name"/>; the mapping is one to one.</summary>
    public static string Segment(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            var keep = b < 0x80 && IsPlain(c) && !(text.Length == 0 && c == '.');
            text.Append(keep ? c.ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static string Printable(string name) => new([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
}
